/** The screens and who reaches them; anything behind sign-in sends a signed-out visitor to /masuk first. */
import { useEffect, type ReactNode } from 'react';
import { Layout } from './components/layout';
import { Loading, PageTitle } from './components/ui';
import { EmailLogPage, PeoplePage, UnitsPage } from './pages/admin';
import { AssessmentPage } from './pages/assessment';
import { AssessmentsPage } from './pages/assessments';
import { AcceptInvitationPage, ForgotPasswordPage, LinkSignInPage, ResetPasswordPage, SignInPage } from './pages/auth';
import { CyclePage, DashboardPage } from './pages/dashboard';
import { InboxPage } from './pages/inbox';
import { LaunchWizardPage } from './pages/launch';
import { LkeFormPage } from './pages/lke-form';
import { LkeLayersPage } from './pages/lke-layers';
import { SubstitutesPage } from './pages/substitutes';
import { TaskPage } from './pages/task';
import { TemplatesPage } from './pages/templates';
import { Link, match, navigate, useLocation } from './router';
import { isAdmin, overseesUnits, useSession } from './session';
import type { Me } from './api/types';

/** Pages anyone may open: signing in and the email links. */
const publicPages: Record<string, () => ReactNode> = {
  '/masuk': () => <SignInPage />,
  '/lupa-sandi': () => <ForgotPasswordPage />,
  '/atur-ulang-sandi': () => <ResetPasswordPage />,
  '/undangan': () => <AcceptInvitationPage />,
  '/masuk/tautan': () => <LinkSignInPage />,
};

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function NotFound() {
  return (
    <section>
      <PageTitle title="Halaman tidak ditemukan">Halaman tidak ditemukan</PageTitle>
      <p>
        <Link to="/">Ke halaman utama</Link>
      </p>
    </section>
  );
}

function Forbidden() {
  return (
    <section>
      <PageTitle title="Tidak berwenang">Halaman ini untuk Bagian Organisasi</PageTitle>
      <p>
        <Link to="/tugas">Ke kotak tugas</Link>
      </p>
    </section>
  );
}

function signedInPage(path: string, me: Me): ReactNode {
  const admin = (page: ReactNode) => (isAdmin(me) ? page : <Forbidden />);
  if (path === '/') return <Redirect to={overseesUnits(me) ? '/dasbor' : '/tugas'} />;
  if (path === '/tugas') return <InboxPage />;
  const task = match('/tugas/:id', path);
  if (task) return <TaskPage key={task.id} id={task.id!} />;
  if (path === '/dasbor') return <DashboardPage />;
  if (path === '/siklus/baru') return admin(<LaunchWizardPage />);
  // Emails about a unit in a cycle (stage opened, late, predikat) link here: its tasks in that cycle.
  const unitInCycle = match('/siklus/:id/unit/:code', path);
  if (unitInCycle) {
    const filters = new URLSearchParams({ scope: 'unit', cycle: unitInCycle.id!, unit: unitInCycle.code! });
    return <Redirect to={`/tugas?${filters.toString()}`} />;
  }
  const cycle = match('/siklus/:id', path);
  if (cycle) return <CyclePage key={cycle.id} id={cycle.id!} />;
  if (path === '/admin/unit') return admin(<UnitsPage />);
  if (path === '/admin/orang') return admin(<PeoplePage />);
  if (path === '/admin/email') return admin(<EmailLogPage />);
  if (path === '/admin/templat') return admin(<TemplatesPage />);
  if (path === '/penilaian') return <AssessmentsPage />;
  for (const [suffix, Page] of [
    ['/lke', LkeFormPage],
    ['/tpi', LkeLayersPage],
    ['', AssessmentPage],
  ] as const) {
    const found = match(`/penilaian/:cycle/:unit${suffix}`, path);
    if (found) return <Page key={`${found.cycle}/${found.unit}`} cycleId={found.cycle!} unitCode={found.unit!} />;
  }
  if (path === '/pengganti') return <SubstitutesPage />;
  return <NotFound />;
}

export function App() {
  const { me, loading } = useSession();
  const { path, href } = useLocation();
  const publicPage = publicPages[path.replace(/\/$/, '') || '/'];

  let page: ReactNode;
  if (publicPage) page = publicPage();
  else if (loading) page = <Loading what="sesi" />;
  else if (!me) page = <Redirect to={`/masuk?lanjut=${encodeURIComponent(href)}`} />;
  else page = signedInPage(path, me);
  return <Layout>{page}</Layout>;
}
