/** Bagian Organisasi's registers: unit kerja, people and their grants, and the email log with resend. */
import { useState, type FormEvent } from 'react';
import { api, ApiError, post } from '../api/client';
import type { Grant, Notification, Person, Unit, Zone } from '../api/types';
import { ErrorMessage, Field, Loading, Notice, PageTitle } from '../components/ui';
import { formatInstant } from '../format';
import { forgetUnits, usePagedList } from '../hooks';
import { notificationStatusLabels, personStatusLabels, roleCodes, roleLabel } from '../labels';
import { setSearch, useLocation } from '../router';

function useAction(reload: () => void) {
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      await work();
      setDone(message);
      reload();
      return true;
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, done, busy, run };
}

function MoreButton({ list }: { list: { hasMore: boolean; loadMore(): Promise<void> } }) {
  return list.hasMore ? (
    <button type="button" onClick={() => void list.loadMore()}>
      Muat lebih banyak
    </button>
  ) : null;
}

export function UnitsPage() {
  const { search } = useLocation();
  const q = search.get('q') ?? '';
  const units = usePagedList<Unit>('/units', { limit: 100, q });
  const action = useAction(() => {
    forgetUnits();
    units.reload();
  });
  const [form, setForm] = useState({ code: '', name: '', zone: 'WIB' as Zone, headEmail: '', parentCode: '' });

  const create = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      code: form.code.trim(),
      name: form.name.trim(),
      zone: form.zone,
      ...(form.headEmail.trim() ? { headEmail: form.headEmail.trim() } : {}),
      ...(form.parentCode ? { parentCode: form.parentCode } : {}),
    };
    void action
      .run(() => post('/units', body), `Unit ${body.code} terdaftar.`)
      .then((ok) => ok && setForm({ code: '', name: '', zone: 'WIB', headEmail: '', parentCode: '' }));
  };

  return (
    <section>
      <PageTitle title="Unit kerja">Unit kerja</PageTitle>
      <ErrorMessage error={units.error ?? action.error} />
      {action.done ? <Notice kind="success">{action.done}</Notice> : null}
      <form className="filters" aria-label="Cari unit" onSubmit={(e) => e.preventDefault()}>
        <label>
          Cari nama unit
          <input type="search" defaultValue={q} onBlur={(e) => setSearch({ q: e.target.value.trim() })} />
        </label>
      </form>
      {units.loading && !units.data ? <Loading what="unit" /> : null}
      {units.data ? (
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama</th>
              <th scope="col">Zona</th>
              <th scope="col">Email pimpinan</th>
              <th scope="col">Induk</th>
            </tr>
          </thead>
          <tbody>
            {units.items.map((unit) => (
              <tr key={unit.code}>
                <td data-label="Kode">{unit.code}</td>
                <td data-label="Nama">{unit.name}</td>
                <td data-label="Zona">{unit.zone}</td>
                <td data-label="Email pimpinan">{unit.headEmail ?? '—'}</td>
                <td data-label="Induk">{unit.parentCode ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MoreButton list={units} />
      <form className="card" onSubmit={create}>
        <h2>Daftarkan unit</h2>
        <div className="grid-3">
          <Field label="Kode unit" hint="Huruf, angka, - dan _.">
            {(p) => (
              <input {...p} required value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
            )}
          </Field>
          <Field label="Nama unit">
            {(p) => (
              <input {...p} required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            )}
          </Field>
          <Field label="Zona waktu">
            {(p) => (
              <select {...p} value={form.zone} onChange={(e) => setForm({ ...form, zone: e.target.value as Zone })}>
                <option>WIB</option>
                <option>WITA</option>
                <option>WIT</option>
              </select>
            )}
          </Field>
          <Field label="Email pimpinan unit">
            {(p) => (
              <input
                {...p}
                type="email"
                value={form.headEmail}
                onChange={(e) => setForm({ ...form, headEmail: e.target.value })}
              />
            )}
          </Field>
          <Field label="Unit induk (opsional)">
            {(p) => (
              <select {...p} value={form.parentCode} onChange={(e) => setForm({ ...form, parentCode: e.target.value })}>
                <option value="">— tidak ada —</option>
                {units.items.map((unit) => (
                  <option key={unit.code} value={unit.code}>
                    {unit.code}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <button type="submit" className="primary" disabled={action.busy}>
          Daftarkan unit
        </button>
      </form>
    </section>
  );
}

const grantText = (grant: Grant) => `${roleLabel(grant.role)}${grant.unitCode ? ` (${grant.unitCode})` : ''}`;
const instansiWideRoles = ['admin_organisasi', 'pengamat'];

function GrantsEditor({ grants, onChange }: { grants: Grant[]; onChange(grants: Grant[]): void }) {
  const [role, setRole] = useState<Grant['role']>('anggota_tim');
  const [unitCode, setUnitCode] = useState('');
  const add = () => {
    const grant: Grant = { role, ...(unitCode.trim() ? { unitCode: unitCode.trim() } : {}) };
    onChange([...grants, grant]);
    setUnitCode('');
  };
  return (
    <div className="grants-editor">
      <ul>
        {grants.map((grant, index) => (
          <li key={`${grant.role}@${grant.unitCode ?? '*'}`}>
            {grantText(grant)}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(grants.filter((_, i) => i !== index))}
            >
              Cabut {grantText(grant)}
            </button>
          </li>
        ))}
      </ul>
      <div className="row-fields">
        <label>
          Peran
          <select value={role} onChange={(e) => setRole(e.target.value as Grant['role'])}>
            {roleCodes.map((code) => (
              <option key={code} value={code}>
                {roleLabel(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Kode unit {instansiWideRoles.includes(role) ? '(kosongkan untuk seluruh instansi)' : ''}
          <input value={unitCode} onChange={(e) => setUnitCode(e.target.value)} />
        </label>
        <button type="button" onClick={add}>
          Tambah hak
        </button>
      </div>
    </div>
  );
}

export function PeoplePage() {
  const { search } = useLocation();
  const unit = search.get('unit') ?? '';
  const status = search.get('status') ?? '';
  const people = usePagedList<Person>('/people', { limit: 100, unit, status });
  const action = useAction(people.reload);
  const [invite, setInvite] = useState<{ name: string; email: string; grants: Grant[] }>({
    name: '',
    email: '',
    grants: [],
  });
  const [editing, setEditing] = useState<{ id: string; grants: Grant[] }>();

  const sendInvite = (event: FormEvent) => {
    event.preventDefault();
    void action
      .run(() => post('/people', invite), `Undangan terkirim ke ${invite.email}.`)
      .then((ok) => ok && setInvite({ name: '', email: '', grants: [] }));
  };
  const personPath = (id: string, rest = '') => `/people/${encodeURIComponent(id)}${rest}`;

  return (
    <section>
      <PageTitle title="Orang dan hak akses">Orang dan hak akses</PageTitle>
      <ErrorMessage error={people.error ?? action.error} />
      {action.done ? <Notice kind="success">{action.done}</Notice> : null}
      <form className="filters" aria-label="Saring orang" onSubmit={(e) => e.preventDefault()}>
        <label>
          Unit
          <input defaultValue={unit} onBlur={(e) => setSearch({ unit: e.target.value.trim() })} />
        </label>
        <label>
          Status
          <select value={status} onChange={(e) => setSearch({ status: e.target.value })}>
            <option value="">Semua</option>
            {Object.entries(personStatusLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      {people.loading && !people.data ? <Loading what="orang" /> : null}
      {people.data ? (
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Email</th>
              <th scope="col">Status</th>
              <th scope="col">Hak akses</th>
              <th scope="col">Tindakan</th>
            </tr>
          </thead>
          <tbody>
            {people.items.map((person) => (
              <tr key={person.id}>
                <td data-label="Nama">{person.name}</td>
                <td data-label="Email">{person.email}</td>
                <td data-label="Status">{personStatusLabels[person.status] ?? person.status}</td>
                <td data-label="Hak akses">
                  {editing?.id === person.id ? (
                    <>
                      <GrantsEditor grants={editing.grants} onChange={(grants) => setEditing({ ...editing, grants })} />
                      <div className="actions">
                        <button
                          type="button"
                          className="primary"
                          onClick={() =>
                            void action
                              .run(
                                () =>
                                  api('PUT', personPath(person.id, '/grants'), { body: { grants: editing.grants } }),
                                `Hak akses ${person.name} tersimpan.`,
                              )
                              .then((ok) => ok && setEditing(undefined))
                          }
                        >
                          Simpan hak akses
                        </button>
                        <button type="button" onClick={() => setEditing(undefined)}>
                          Batal
                        </button>
                      </div>
                    </>
                  ) : (
                    person.grants.map(grantText).join(', ') || '—'
                  )}
                </td>
                <td data-label="Tindakan" className="actions">
                  {editing?.id !== person.id ? (
                    <button type="button" onClick={() => setEditing({ id: person.id, grants: [...person.grants] })}>
                      Ubah hak akses
                    </button>
                  ) : null}
                  {person.status === 'invited' ? (
                    <button
                      type="button"
                      onClick={() =>
                        void action.run(
                          () => post(personPath(person.id, '/reinvite')),
                          `Undangan dikirim ulang ke ${person.email}.`,
                        )
                      }
                    >
                      Kirim ulang undangan
                    </button>
                  ) : null}
                  {person.status !== 'deactivated' ? (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (!confirm(`Nonaktifkan ${person.name}? Semua sesinya berakhir.`)) return;
                        void action.run(
                          () => post(personPath(person.id, '/deactivate')),
                          `${person.name} dinonaktifkan.`,
                        );
                      }}
                    >
                      Nonaktifkan
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MoreButton list={people} />
      <form className="card" onSubmit={sendInvite}>
        <h2>Undang orang</h2>
        <div className="grid-2">
          <Field label="Nama">
            {(p) => (
              <input
                {...p}
                required
                value={invite.name}
                onChange={(e) => setInvite({ ...invite, name: e.target.value })}
              />
            )}
          </Field>
          <Field label="Email">
            {(p) => (
              <input
                {...p}
                type="email"
                required
                value={invite.email}
                onChange={(e) => setInvite({ ...invite, email: e.target.value })}
              />
            )}
          </Field>
        </div>
        <GrantsEditor grants={invite.grants} onChange={(grants) => setInvite({ ...invite, grants })} />
        <button type="submit" className="primary" disabled={action.busy}>
          Kirim undangan
        </button>
      </form>
    </section>
  );
}

export function EmailLogPage() {
  const { search } = useLocation();
  const status = search.get('status') ?? '';
  const to = search.get('kepada') ?? '';
  const cycle = search.get('siklus') ?? '';
  const log = usePagedList<Notification>('/notifications', { status, to, cycle, limit: 50 });
  const action = useAction(log.reload);
  const [corrected, setCorrected] = useState<Record<string, string>>({});

  return (
    <section>
      <PageTitle title="Log email">Log email</PageTitle>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Saring email">
        <label>
          Status
          <select value={status} onChange={(e) => setSearch({ status: e.target.value })}>
            <option value="">Semua</option>
            {Object.entries(notificationStatusLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Penerima
          <input type="email" defaultValue={to} onBlur={(e) => setSearch({ kepada: e.target.value.trim() })} />
        </label>
        <label>
          Siklus
          <input defaultValue={cycle} onBlur={(e) => setSearch({ siklus: e.target.value.trim() })} />
        </label>
        <button type="button" onClick={log.reload}>
          Muat ulang
        </button>
      </form>
      <ErrorMessage error={log.error ?? action.error} />
      {action.done ? <Notice kind="success">{action.done}</Notice> : null}
      {log.loading && !log.data ? <Loading what="log email" /> : null}
      {log.data && log.items.length === 0 ? <p>Tidak ada email yang cocok.</p> : null}
      {log.items.length > 0 ? (
        <table className="responsive">
          <thead>
            <tr>
              <th scope="col">Dibuat</th>
              <th scope="col">Penerima</th>
              <th scope="col">Subjek</th>
              <th scope="col">Status</th>
              <th scope="col">Kirim ulang</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((item) => (
              <tr key={item.id} className={item.status === 'failed' ? 'overdue' : undefined}>
                <td data-label="Dibuat">{formatInstant(item.createdAt)}</td>
                <td data-label="Penerima">{item.to}</td>
                <td data-label="Subjek">{item.subject}</td>
                <td data-label="Status">
                  {notificationStatusLabels[item.status] ?? item.status}
                  {item.attempts > 1 ? ` (${item.attempts} percobaan)` : ''}
                  {item.lastError ? <div className="muted">{item.lastError}</div> : null}
                  {item.resentAs.length ? <div className="muted">Sudah dikirim ulang</div> : null}
                </td>
                <td data-label="Kirim ulang">
                  {item.status === 'failed' ? (
                    <div className="row-fields">
                      <label>
                        Alamat (opsional)
                        <input
                          type="email"
                          placeholder={item.to}
                          value={corrected[item.id] ?? ''}
                          onChange={(e) => setCorrected({ ...corrected, [item.id]: e.target.value })}
                        />
                      </label>
                      <button
                        type="button"
                        onClick={() => {
                          const address = corrected[item.id]?.trim();
                          void action.run(
                            () =>
                              post(
                                `/notifications/${encodeURIComponent(item.id)}/resend`,
                                address ? { to: address } : {},
                              ),
                            `Email dikirim ulang ke ${address || item.to}.`,
                          );
                        }}
                      >
                        Kirim ulang
                      </button>
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <MoreButton list={log} />
    </section>
  );
}
