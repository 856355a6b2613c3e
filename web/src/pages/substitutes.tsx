/** Pengganti: who acts on my tasks while I am away, and whose tasks I act on. */
import { useState, type FormEvent } from 'react';
import { api, ApiError, get, post } from '../api/client';
import type { Page, Substitution } from '../api/types';
import { ErrorMessage, Field, Loading, Notice, PageTitle } from '../components/ui';
import { formatDay, todayWib } from '../format';
import { useResource } from '../hooks';
import { useMe } from '../session';

export function SubstitutesPage() {
  const me = useMe();
  const list = useResource(() => get<Page<Substitution>>('/substitutes'), 'substitutes');
  const [form, setForm] = useState({ name: '', email: '', from: todayWib(), to: todayWib() });
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();

  const run = async (work: () => Promise<unknown>, message: string) => {
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(message);
      list.reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
    }
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    const body = { substitute: { name: form.name.trim(), email: form.email.trim() }, from: form.from, to: form.to };
    void run(() => post('/substitutes', body), `${form.name} menjadi pengganti Anda.`);
  };

  const items = list.data?.items ?? [];
  const mine = items.filter((item) => item.personId === me.person.id);
  const forOthers = items.filter((item) => item.substitute.personId === me.person.id);

  return (
    <section>
      <PageTitle title="Pengganti">Pengganti selama berhalangan</PageTitle>
      <p className="muted">
        Pengganti melihat dan mengerjakan tugas Anda selama rentang tanggal itu; setiap tindakannya tercatat atas nama
        keduanya.
      </p>
      <ErrorMessage error={list.error ?? error} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      {list.loading && !list.data ? <Loading what="pengganti" /> : null}
      <h2>Pengganti saya</h2>
      {mine.length === 0 ? <p className="muted">Belum ada.</p> : null}
      <ul>
        {mine.map((item) => (
          <li key={item.id}>
            {item.substitute.name} ({item.substitute.personId}), {formatDay(item.from)} – {formatDay(item.to)}
            {item.active ? <span className="badge">Berlaku hari ini</span> : null}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void run(() => api('DELETE', `/substitutes/${item.id}`), 'Pengganti dihapus.')}
            >
              Hapus
            </button>
          </li>
        ))}
      </ul>
      <h2>Saya menggantikan</h2>
      {forOthers.length === 0 ? <p className="muted">Tidak ada.</p> : null}
      <ul>
        {forOthers.map((item) => (
          <li key={item.id}>
            {item.personName}, {formatDay(item.from)} – {formatDay(item.to)}
            {item.active ? <span className="badge">Berlaku hari ini</span> : null}
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={create}>
        <h2>Tunjuk pengganti</h2>
        <div className="grid-2">
          <Field label="Nama pengganti">
            {(p) => (
              <input {...p} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            )}
          </Field>
          <Field label="Email pengganti">
            {(p) => (
              <input
                {...p}
                type="email"
                required
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            )}
          </Field>
          <Field label="Mulai tanggal">
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={form.from}
                onChange={(e) => setForm({ ...form, from: e.target.value })}
              />
            )}
          </Field>
          <Field label="Sampai tanggal">
            {(p) => (
              <input
                {...p}
                type="date"
                required
                value={form.to}
                onChange={(e) => setForm({ ...form, to: e.target.value })}
              />
            )}
          </Field>
        </div>
        <button type="submit" className="primary">
          Simpan pengganti
        </button>
      </form>
    </section>
  );
}
