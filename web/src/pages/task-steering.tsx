/**
 * Steering a task: reassign it to someone of the unit, move its due date, or cancel it. The ketua tim and Bagian
 * Organisasi steer; only Bagian Organisasi cancels. The API and the task workflow decide; their refusal is shown.
 */
import { useState, type FormEvent } from 'react';
import { get, post, type ApiError } from '../api/client';
import type { Page, Person, TaskDetail } from '../api/types';
import { ErrorMessage, Field, Notice } from '../components/ui';
import { todayWib } from '../format';
import { useResource } from '../hooks';

const taskPath = (id: string, rest: string) => `/tasks/${encodeURIComponent(id)}${rest}`;

export function TaskSteering({
  task,
  steers,
  cancels,
  busy,
  act,
  error,
  done,
}: {
  task: TaskDetail;
  steers: boolean;
  cancels: boolean;
  busy: boolean;
  act(label: string, work: () => Promise<unknown>, message: string): Promise<boolean>;
  error: ApiError | undefined;
  done: string | undefined;
}) {
  const [to, setTo] = useState({ name: '', email: '', reason: '' });
  const [extend, setExtend] = useState({ due: '', reason: '' });
  const [cancelReason, setCancelReason] = useState('');
  // The unit's active people, offered while typing the recipient (the ketua tim and Bagian Organisasi may list them).
  const people = useResource(
    () =>
      steers
        ? get<Page<Person>>('/people', { unit: task.unitCode, status: 'active', limit: 100 }).catch(() => ({
            items: [],
          }))
        : Promise.resolve({ items: [] as Person[] }),
    `${task.unitCode}:${steers}`,
  );
  const candidates = people.data?.items ?? [];
  if (!steers && !cancels) return null;
  const listId = `orang-unit-${task.id}`;

  const reassign = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      to: { name: to.name.trim(), email: to.email.trim() },
      ...(to.reason.trim() ? { reason: to.reason.trim() } : {}),
    };
    void act(
      'reassign',
      () => post(taskPath(task.id, '/reassign'), body),
      `Tugas dialihkan kepada ${body.to.name}.`,
    ).then((ok) => ok && setTo({ name: '', email: '', reason: '' }));
  };
  const moveDue = (event: FormEvent) => {
    event.preventDefault();
    void act(
      'extend',
      () => post(taskPath(task.id, '/extend'), { due: extend.due, reason: extend.reason.trim() }),
      'Tenggat tugas diperpanjang.',
    ).then((ok) => ok && setExtend({ due: '', reason: '' }));
  };
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(
      'cancel',
      () => post(taskPath(task.id, '/cancel'), { reason: cancelReason.trim() }),
      'Tugas dibatalkan.',
    ).then((ok) => ok && setCancelReason(''));
  };

  return (
    <section className="card" aria-labelledby="kelola-judul">
      <h2 id="kelola-judul">Kelola tugas</h2>
      <ErrorMessage error={error} />
      {done ? <Notice kind="success">{done}</Notice> : null}
      {steers ? (
        <div className="grid-2 steering">
          <form onSubmit={reassign} aria-labelledby="alihkan-judul">
            <h3 id="alihkan-judul">Alihkan tugas</h3>
            <p className="muted">Kepada orang lain di unit {task.unitCode} yang sudah memiliki akun.</p>
            <Field label="Nama penerima">
              {(props) => (
                <input {...props} required value={to.name} onChange={(e) => setTo({ ...to, name: e.target.value })} />
              )}
            </Field>
            <Field label="Email penerima">
              {(props) => (
                <input
                  {...props}
                  type="email"
                  required
                  list={listId}
                  value={to.email}
                  onChange={(e) => {
                    const known = candidates.find((person) => person.email === e.target.value);
                    setTo({ ...to, email: e.target.value, name: to.name || known?.name || '' });
                  }}
                />
              )}
            </Field>
            <Field label="Alasan pengalihan (opsional)">
              {(props) => (
                <input {...props} value={to.reason} onChange={(e) => setTo({ ...to, reason: e.target.value })} />
              )}
            </Field>
            <datalist id={listId}>
              {candidates.map((person) => (
                <option key={person.id} value={person.email}>
                  {person.name}
                </option>
              ))}
            </datalist>
            <button type="submit" disabled={busy}>
              Alihkan tugas
            </button>
          </form>
          <form onSubmit={moveDue} aria-labelledby="perpanjang-judul">
            <h3 id="perpanjang-judul">Perpanjang tenggat</h3>
            <p className="muted">Tenggat baru pukul 16.00 WIB pada tanggal yang dipilih.</p>
            <Field label="Tenggat baru">
              {(props) => (
                <input
                  {...props}
                  type="date"
                  required
                  min={todayWib()}
                  value={extend.due}
                  onChange={(e) => setExtend({ ...extend, due: e.target.value })}
                />
              )}
            </Field>
            <Field label="Alasan perpanjangan" hint="Paling sedikit 3 karakter.">
              {(props) => (
                <input
                  {...props}
                  required
                  value={extend.reason}
                  onChange={(e) => setExtend({ ...extend, reason: e.target.value })}
                />
              )}
            </Field>
            <button type="submit" disabled={busy}>
              Perpanjang tenggat
            </button>
          </form>
        </div>
      ) : null}
      {cancels ? (
        <form onSubmit={cancel} aria-labelledby="batalkan-judul">
          <h3 id="batalkan-judul">Batalkan tugas</h3>
          <p className="muted">Tugas yang dibatalkan tidak dapat dibuka kembali.</p>
          <Field label="Alasan pembatalan" hint="Paling sedikit 3 karakter.">
            {(props) => (
              <input {...props} required value={cancelReason} onChange={(e) => setCancelReason(e.target.value)} />
            )}
          </Field>
          <button type="submit" className="danger" disabled={busy}>
            Batalkan tugas
          </button>
        </form>
      ) : null}
    </section>
  );
}
