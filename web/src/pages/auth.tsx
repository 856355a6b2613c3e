/** Sign-in and the three email links: invitation, password reset, single-use sign-in link to a task. */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, post } from '../api/client';
import type { SignedIn } from '../api/types';
import { ErrorMessage, Field, Notice, PageTitle } from '../components/ui';
import { Link, navigate, useLocation } from '../router';
import { useSession } from '../session';

const minPasswordLength = 12;

/** Where to go after signing in: the page that asked for it (same site only), or home. */
function afterSignIn(search: URLSearchParams): string {
  const next = search.get('lanjut');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

const linkProblem = (error: ApiError | undefined) =>
  error?.status === 410 ? new ApiError(410, 'Tautan sudah dipakai atau kedaluwarsa', error.detail) : error;

export function SignInPage() {
  const { signedIn } = useSession();
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      signedIn(await post<SignedIn>('/auth/sign-in', { email, password }));
      navigate(afterSignIn(search), { replace: true });
    });
  };

  return (
    <section className="narrow card">
      <PageTitle title="Masuk">Masuk</PageTitle>
      <p className="muted">Gunakan email dinas dan kata sandi akun ZI Orchestrator Anda.</p>
      <ErrorMessage error={error} />
      <form onSubmit={submit}>
        <Field label="Email">
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Kata sandi">
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Memeriksa…' : 'Masuk'}
        </button>
      </form>
      <p>
        <Link to="/lupa-sandi">Lupa kata sandi?</Link>
      </p>
    </section>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, run } = useSubmit();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await post('/auth/password-reset', { email });
      setSent(true);
    });
  };
  return (
    <section className="narrow card">
      <PageTitle title="Lupa kata sandi">Lupa kata sandi</PageTitle>
      {sent ? (
        <Notice kind="success">
          Bila {email} terdaftar, tautan untuk mengatur ulang kata sandi telah dikirim ke email itu. Tautan berlaku satu
          jam.
        </Notice>
      ) : (
        <>
          <ErrorMessage error={error} />
          <form onSubmit={submit}>
            <Field label="Email">
              {(props) => (
                <input {...props} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
              )}
            </Field>
            <button type="submit" className="primary" disabled={busy}>
              Kirim tautan
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/masuk">Kembali ke halaman masuk</Link>
      </p>
    </section>
  );
}

/** New password twice, at least 12 characters; the API checks again. */
function NewPassword({
  password,
  setPassword,
  repeat,
  setRepeat,
}: {
  password: string;
  setPassword(value: string): void;
  repeat: string;
  setRepeat(value: string): void;
}) {
  return (
    <>
      <Field label="Kata sandi baru" hint={`Minimal ${minPasswordLength} karakter.`}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            minLength={minPasswordLength}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <Field label="Ulangi kata sandi baru">
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            minLength={minPasswordLength}
            required
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

const mismatch = () => new ApiError(400, 'Kata sandi tidak sama', 'Ketik kata sandi yang sama di kedua kolom.');

export function AcceptInvitationPage() {
  const { signedIn } = useSession();
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const { busy, error, setError, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError(mismatch());
    void run(async () => {
      const body = { token, password, ...(name.trim() ? { name: name.trim() } : {}) };
      signedIn(await post<SignedIn>('/auth/invitations/accept', body));
      navigate('/', { replace: true });
    });
  };

  return (
    <section className="narrow card">
      <PageTitle title="Terima undangan">Selamat datang di ZI Orchestrator</PageTitle>
      <p>Atur kata sandi untuk mengaktifkan akun Anda. Setelah itu Anda langsung masuk.</p>
      {!token ? <Notice kind="warning">Tautan undangan tidak lengkap: buka lagi tautan dari email.</Notice> : null}
      <ErrorMessage error={linkProblem(error)} />
      <form onSubmit={submit}>
        <Field label="Nama (opsional)" hint="Isi bila ejaan nama di undangan perlu diperbaiki.">
          {(props) => <input {...props} autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <NewPassword password={password} setPassword={setPassword} repeat={repeat} setRepeat={setRepeat} />
        <button type="submit" className="primary" disabled={busy || !token}>
          Aktifkan akun
        </button>
      </form>
    </section>
  );
}

export function ResetPasswordPage() {
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setError(mismatch());
    void run(async () => {
      await post('/auth/password-reset/confirm', { token, password });
      setDone(true);
    });
  };

  return (
    <section className="narrow card">
      <PageTitle title="Atur ulang kata sandi">Atur ulang kata sandi</PageTitle>
      {done ? (
        <>
          <Notice kind="success">Kata sandi baru tersimpan. Semua sesi lama telah diakhiri.</Notice>
          <p>
            <Link to="/masuk">Masuk dengan kata sandi baru</Link>
          </p>
        </>
      ) : (
        <>
          {!token ? <Notice kind="warning">Tautan tidak lengkap: buka lagi tautan dari email.</Notice> : null}
          <ErrorMessage error={linkProblem(error)} />
          <form onSubmit={submit}>
            <NewPassword password={password} setPassword={setPassword} repeat={repeat} setRepeat={setRepeat} />
            <button type="submit" className="primary" disabled={busy || !token}>
              Simpan kata sandi
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** A single-use token may be exchanged once: remember the exchange so a re-render never spends it twice. */
const linkExchanges = new Map<string, Promise<SignedIn & { taskId: string }>>();

export function LinkSignInPage() {
  const { signedIn } = useSession();
  const { search } = useLocation();
  const token = search.get('token') ?? '';
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    if (!token) return;
    let exchange = linkExchanges.get(token);
    if (!exchange) {
      exchange = post<SignedIn & { taskId: string }>('/auth/sign-in/link', { token });
      linkExchanges.set(token, exchange);
    }
    exchange
      .then((result) => {
        signedIn(result);
        navigate(`/tugas/${encodeURIComponent(result.taskId)}`, { replace: true });
      })
      .catch((caught: unknown) => setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught))));
  }, [token, signedIn]);

  return (
    <section className="narrow card">
      <PageTitle title="Masuk lewat tautan">Membuka tugas Anda…</PageTitle>
      {!token ? <Notice kind="warning">Tautan tidak lengkap: buka lagi tautan dari email.</Notice> : null}
      {error ? (
        <>
          <ErrorMessage error={linkProblem(error)} />
          <p>
            Tautan di email hanya dapat dipakai sekali dan berlaku 24 jam. <Link to="/masuk">Masuk dengan sandi</Link>
          </p>
        </>
      ) : token ? (
        <p role="status">Memeriksa tautan…</p>
      ) : null}
    </section>
  );
}
