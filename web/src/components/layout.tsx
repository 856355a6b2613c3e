import type { ReactNode } from 'react';
import { Link, useLocation } from '../router';
import { isAdmin, overseesUnits, useSession } from '../session';

/** Header with the navigation the person's roles call for, a skip link, and the page. */
export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useSession();
  const { path } = useLocation();
  const links: [string, string][] = [];
  if (me) {
    if (overseesUnits(me)) links.push(['/dasbor', 'Dasbor']);
    links.push(['/tugas', 'Kotak tugas']);
    // Every role of a unit takes part in its penilaian: the team answers, TPI reviews, the pimpinan approves.
    if (me.grants.length > 0) links.push(['/penilaian', 'Penilaian']);
    if (isAdmin(me)) {
      links.push(['/siklus/baru', 'Luncurkan siklus']);
      links.push(
        ['/admin/unit', 'Unit kerja'],
        ['/admin/orang', 'Orang'],
        ['/admin/templat', 'Templat LKE'],
        ['/admin/email', 'Log email'],
      );
    }
    links.push(['/pengganti', 'Pengganti']);
  }
  const current = (to: string) => path === to || (to !== '/' && path.startsWith(`${to}/`) && to !== '/siklus/baru');
  return (
    <>
      <a className="skip-link" href="#isi">
        Langsung ke isi
      </a>
      <header className="site-header">
        <div className="brand">
          <Link to="/">ZI Orchestrator</Link>
          <span className="muted">Pembangunan Zona Integritas</span>
        </div>
        {me ? (
          <nav aria-label="Menu utama">
            <ul>
              {links.map(([to, label]) => (
                <li key={to}>
                  <Link to={to} aria-current={current(to) ? 'page' : undefined}>
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {me ? (
          <div className="who">
            <span title={me.person.email}>{me.person.name}</span>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              Keluar
            </button>
          </div>
        ) : null}
      </header>
      <main id="isi">{children}</main>
    </>
  );
}
