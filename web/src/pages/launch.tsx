/**
 * Launch wizard (Bagian Organisasi): units → timeline and calendar → catalogue → confirmation. The confirmation is
 * POST /cycles/preview of the exact request the launch will send: stage windows, every task with its working-day
 * due date, the task count and the first emails; nothing starts until "Luncurkan siklus". Optionally the units carry
 * an earlier cycle's open recommendations as tasks of their own.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, post } from '../api/client';
import type { Cycle, LaunchPreview, Page, Unit, Zone } from '../api/types';
import { ErrorMessage, Field, Loading, Notice, PageTitle } from '../components/ui';
import { defaultTimeline } from '../../../domain/default-timeline';
import { formatDay, formatInstant } from '../format';
import { forgetUnits, useResource } from '../hooks';
import { roleLabel, stageCodes, stageLabel } from '../labels';
import { navigate } from '../router';

type Timeline = Record<string, { opens: string; due: string }>;
interface ManualUnit {
  code: string;
  name: string;
  headName: string;
  headEmail: string;
}
interface PersonRow {
  name: string;
  email: string;
}
interface HolidayRow {
  date: string;
  name: string;
}

const steps = ['Unit', 'Jadwal', 'Katalog', 'Konfirmasi'] as const;
const thisYear = new Date().getFullYear();

const timelineOf = (year: number): Timeline => {
  try {
    return { ...defaultTimeline(year) } as Timeline;
  } catch {
    return {};
  }
};

export function LaunchWizardPage() {
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [year, setYear] = useState(thisYear);
  const [zone, setZone] = useState<Zone>('WIB');
  const [registered, setRegistered] = useState<string[]>([]);
  const [manual, setManual] = useState<ManualUnit[]>([]);
  const [assessors, setAssessors] = useState<PersonRow[]>([]);
  const [timeline, setTimeline] = useState<Timeline>(timelineOf(thisYear));
  const [holidays, setHolidays] = useState<HolidayRow[]>([]);
  const [monev, setMonev] = useState<{ kind: 'monthly' | 'every_working_days'; workingDays: number }>({
    kind: 'monthly',
    workingDays: 10,
  });
  const [rehearsal, setRehearsal] = useState({ on: false, origin: '', speedup: 1 });
  const [dropped, setDropped] = useState<Set<string>>(new Set());
  const [catalogue, setCatalogue] = useState<LaunchPreview>();
  const [preview, setPreview] = useState<LaunchPreview>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [carryFrom, setCarryFrom] = useState('');

  const units = useResource(() => get<Page<Unit>>('/units', { limit: 100 }), 'units');
  const cycles = useResource(() => get<Page<Cycle>>('/cycles'), 'cycles');

  const body = (withCatalogue: boolean) => ({
    name: name.trim(),
    year,
    zone,
    units: [
      ...registered.map((code) => ({ code })),
      ...manual.map((unit) => ({
        code: unit.code.trim(),
        name: unit.name.trim(),
        head: { name: unit.headName.trim(), email: unit.headEmail.trim() },
      })),
    ],
    ...(carryFrom ? { carryRecommendationsFrom: carryFrom } : {}),
    ...(assessors.length ? { assessors: assessors.map((a) => ({ name: a.name.trim(), email: a.email.trim() })) } : {}),
    timeline,
    ...(withCatalogue && dropped.size > 0 ? { catalogue: { drop: [...dropped] } } : {}),
    ...(holidays.length
      ? { holidays: { add: holidays.map((h) => ({ date: h.date, name: h.name.trim(), kind: 'libur_nasional' })) } }
      : {}),
    monev:
      monev.kind === 'monthly' ? { kind: 'monthly' } : { kind: 'every_working_days', workingDays: monev.workingDays },
    ...(rehearsal.on && rehearsal.origin
      ? { clock: { origin: new Date(rehearsal.origin).toISOString(), speedup: rehearsal.speedup } }
      : {}),
  });

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

  const goTo = (next: number) =>
    void run(async () => {
      // The catalogue step lists the templates a launch would use before any is dropped.
      if (next === 2 && !catalogue) setCatalogue(await post<LaunchPreview>('/cycles/preview', body(false)));
      if (next === 3) setPreview(await post<LaunchPreview>('/cycles/preview', body(true)));
      setStep(next);
    });

  const launch = () =>
    void run(async () => {
      const cycle = await post<Cycle>('/cycles', body(true));
      forgetUnits();
      navigate(`/dasbor?siklus=${encodeURIComponent(cycle.id)}&diluncurkan=1`);
    });

  useEffect(() => {
    document.getElementById('wizard-step')?.focus();
  }, [step]);

  const unitCount = registered.length + manual.length;
  const canContinue = step !== 0 || (name.trim().length >= 3 && unitCount > 0);

  return (
    <section>
      <PageTitle title="Luncurkan siklus">Luncurkan siklus</PageTitle>
      <ol className="steps">
        {steps.map((label, index) => (
          <li key={label} aria-current={index === step ? 'step' : undefined} className={index < step ? 'done' : ''}>
            {index + 1}. {label}
          </li>
        ))}
      </ol>
      <ErrorMessage error={error} />
      <div id="wizard-step" tabIndex={-1} className="card">
        {step === 0 ? (
          <UnitsStep
            {...{ name, setName, year, zone, setZone, registered, setRegistered, manual, setManual }}
            {...{ assessors, setAssessors, carryFrom }}
            setCarryFrom={(value) => {
              setCarryFrom(value);
              setCatalogue(undefined);
            }}
            cycles={(cycles.data?.items ?? []).filter((cycle) => cycle.status !== 'launching')}
            setYear={(value) => {
              setYear(value);
              setTimeline(timelineOf(value));
              setCatalogue(undefined);
            }}
            units={units.data?.items ?? []}
            unitsLoading={units.loading}
          />
        ) : null}
        {step === 1 ? (
          <ScheduleStep
            {...{ year, timeline, setTimeline, holidays, setHolidays, monev, setMonev, rehearsal, setRehearsal }}
          />
        ) : null}
        {step === 2 && catalogue ? (
          <CatalogueStep catalogue={catalogue} dropped={dropped} setDropped={setDropped} />
        ) : null}
        {step === 3 && preview ? <ConfirmStep preview={preview} unitCount={unitCount} name={name} zone={zone} /> : null}
      </div>
      <div className="actions wizard-actions">
        {step > 0 ? (
          <button type="button" disabled={busy} onClick={() => setStep(step - 1)}>
            Kembali
          </button>
        ) : null}
        {step < 3 ? (
          <button type="button" className="primary" disabled={busy || !canContinue} onClick={() => goTo(step + 1)}>
            {busy ? 'Memeriksa…' : 'Lanjut'}
          </button>
        ) : (
          <button type="button" className="primary" disabled={busy} onClick={launch}>
            {busy ? 'Meluncurkan…' : 'Luncurkan siklus'}
          </button>
        )}
      </div>
    </section>
  );
}

function Rows<T>({
  rows,
  setRows,
  empty,
  render,
  add,
  addLabel,
}: {
  rows: T[];
  setRows(rows: T[]): void;
  empty: T;
  render(row: T, set: (change: Partial<T>) => void, index: number): ReactNode;
  add?: boolean;
  addLabel: string;
}) {
  return (
    <>
      {rows.map((row, index) => (
        <div className="row-fields" key={index}>
          {render(row, (change) => setRows(rows.map((r, i) => (i === index ? { ...r, ...change } : r))), index)}
          <button type="button" className="link-button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
            Hapus baris {index + 1}
          </button>
        </div>
      ))}
      {add !== false ? (
        <button type="button" onClick={() => setRows([...rows, { ...empty }])}>
          {addLabel}
        </button>
      ) : null}
    </>
  );
}

function UnitsStep(props: {
  name: string;
  setName(value: string): void;
  year: number;
  setYear(value: number): void;
  zone: Zone;
  setZone(value: Zone): void;
  registered: string[];
  setRegistered(value: string[]): void;
  manual: ManualUnit[];
  setManual(value: ManualUnit[]): void;
  assessors: PersonRow[];
  setAssessors(value: PersonRow[]): void;
  carryFrom: string;
  setCarryFrom(value: string): void;
  cycles: Cycle[];
  units: Unit[];
  unitsLoading: boolean;
}) {
  const inZone = props.units.filter((unit) => unit.zone === props.zone);
  const toggle = (code: string, on: boolean) =>
    props.setRegistered(on ? [...props.registered, code] : props.registered.filter((c) => c !== code));
  return (
    <>
      <h2>Siklus dan unit</h2>
      <div className="grid-3">
        <Field label="Nama siklus">
          {(p) => <input {...p} required value={props.name} onChange={(e) => props.setName(e.target.value)} />}
        </Field>
        <Field label="Tahun">
          {(p) => (
            <input
              {...p}
              type="number"
              min={2014}
              max={2100}
              value={props.year}
              onChange={(e) => props.setYear(Number(e.target.value))}
            />
          )}
        </Field>
        <Field label="Zona waktu kalender">
          {(p) => (
            <select {...p} value={props.zone} onChange={(e) => props.setZone(e.target.value as Zone)}>
              <option value="WIB">WIB</option>
              <option value="WITA">WITA</option>
              <option value="WIT">WIT</option>
            </select>
          )}
        </Field>
      </div>
      <fieldset>
        <legend>Unit terdaftar ({props.zone})</legend>
        {props.unitsLoading ? <Loading what="unit" /> : null}
        {!props.unitsLoading && inZone.length === 0 ? (
          <p className="muted">Belum ada unit terdaftar di zona ini; tambahkan unit di bawah.</p>
        ) : null}
        <div className="grid-2">
          {inZone.map((unit) => (
            <label key={unit.code} className="check">
              <input
                type="checkbox"
                checked={props.registered.includes(unit.code)}
                disabled={!unit.headEmail}
                onChange={(e) => toggle(unit.code, e.target.checked)}
              />
              {unit.code} — {unit.name}
              {!unit.headEmail ? <span className="muted"> (email pimpinan belum diisi)</span> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Unit lain (tanpa mendaftarkannya)</legend>
        <Rows
          rows={props.manual}
          setRows={props.setManual}
          empty={{ code: '', name: '', headName: '', headEmail: '' }}
          addLabel="Tambah unit"
          render={(unit, set, index) => (
            <>
              <label>
                Kode unit {index + 1}
                <input value={unit.code} required onChange={(e) => set({ code: e.target.value })} />
              </label>
              <label>
                Nama unit {index + 1}
                <input value={unit.name} required onChange={(e) => set({ name: e.target.value })} />
              </label>
              <label>
                Nama pimpinan unit {index + 1}
                <input value={unit.headName} required onChange={(e) => set({ headName: e.target.value })} />
              </label>
              <label>
                Email pimpinan unit {index + 1}
                <input
                  type="email"
                  value={unit.headEmail}
                  required
                  onChange={(e) => set({ headEmail: e.target.value })}
                />
              </label>
            </>
          )}
        />
      </fieldset>
      <fieldset>
        <legend>Tim Penilai Internal (opsional)</legend>
        <Rows
          rows={props.assessors}
          setRows={props.setAssessors}
          empty={{ name: '', email: '' }}
          addLabel="Tambah penilai"
          render={(row, set, index) => (
            <>
              <label>
                Nama penilai {index + 1}
                <input value={row.name} onChange={(e) => set({ name: e.target.value })} />
              </label>
              <label>
                Email penilai {index + 1}
                <input type="email" value={row.email} onChange={(e) => set({ email: e.target.value })} />
              </label>
            </>
          )}
        />
      </fieldset>
      <Field
        label="Bawa rekomendasi dari siklus (opsional)"
        hint="Unit yang belum meraih predikat pada siklus itu mendapat tugas untuk setiap rekomendasi yang masih terbuka."
      >
        {(p) => (
          <select {...p} value={props.carryFrom} onChange={(e) => props.setCarryFrom(e.target.value)}>
            <option value="">Tidak membawa rekomendasi</option>
            {props.cycles.map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {cycle.name} — {cycle.year}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}

function ScheduleStep(props: {
  year: number;
  timeline: Timeline;
  setTimeline(value: Timeline): void;
  holidays: HolidayRow[];
  setHolidays(value: HolidayRow[]): void;
  monev: { kind: 'monthly' | 'every_working_days'; workingDays: number };
  setMonev(value: { kind: 'monthly' | 'every_working_days'; workingDays: number }): void;
  rehearsal: { on: boolean; origin: string; speedup: number };
  setRehearsal(value: { on: boolean; origin: string; speedup: number }): void;
}) {
  const setWindow = (stage: string, change: Partial<{ opens: string; due: string }>) =>
    props.setTimeline({ ...props.timeline, [stage]: { ...props.timeline[stage]!, ...change } });
  return (
    <>
      <h2>Jadwal tahap</h2>
      <p className="muted">
        Tenggat tugas dihitung dalam hari kerja dari jendela tahap ini; pratinjau pada langkah konfirmasi
        menunjukkannya.{' '}
        <button type="button" className="link-button" onClick={() => props.setTimeline(timelineOf(props.year))}>
          Pakai jadwal bawaan {props.year}
        </button>
      </p>
      <table className="timeline-form">
        <thead>
          <tr>
            <th scope="col">Tahap</th>
            <th scope="col">Dibuka</th>
            <th scope="col">Tenggat</th>
          </tr>
        </thead>
        <tbody>
          {stageCodes.map((stage) => (
            <tr key={stage}>
              <th scope="row">{stageLabel(stage)}</th>
              <td>
                <input
                  type="date"
                  aria-label={`${stageLabel(stage)} dibuka`}
                  value={props.timeline[stage]?.opens ?? ''}
                  onChange={(e) => setWindow(stage, { opens: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="date"
                  aria-label={`${stageLabel(stage)} tenggat`}
                  value={props.timeline[stage]?.due ?? ''}
                  onChange={(e) => setWindow(stage, { due: e.target.value })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset>
        <legend>Hari libur tambahan (di luar libur nasional dan cuti bersama SKB)</legend>
        <Rows
          rows={props.holidays}
          setRows={props.setHolidays}
          empty={{ date: '', name: '' }}
          addLabel="Tambah hari libur"
          render={(row, set, index) => (
            <>
              <label>
                Tanggal libur {index + 1}
                <input type="date" value={row.date} onChange={(e) => set({ date: e.target.value })} />
              </label>
              <label>
                Keterangan libur {index + 1}
                <input value={row.name} onChange={(e) => set({ name: e.target.value })} />
              </label>
            </>
          )}
        />
      </fieldset>
      <fieldset>
        <legend>Monitoring dan evaluasi</legend>
        <label className="check">
          <input
            type="radio"
            name="monev"
            checked={props.monev.kind === 'monthly'}
            onChange={() => props.setMonev({ ...props.monev, kind: 'monthly' })}
          />
          Setiap bulan
        </label>
        <label className="check">
          <input
            type="radio"
            name="monev"
            checked={props.monev.kind === 'every_working_days'}
            onChange={() => props.setMonev({ ...props.monev, kind: 'every_working_days' })}
          />
          Setiap
          <input
            type="number"
            className="inline-number"
            aria-label="Jumlah hari kerja per periode monev"
            min={5}
            max={130}
            value={props.monev.workingDays}
            onChange={(e) => props.setMonev({ kind: 'every_working_days', workingDays: Number(e.target.value) })}
          />
          hari kerja
        </label>
      </fieldset>
      <p className="muted">
        Pengingat: 3 dan 1 hari kerja sebelum tenggat dan pada pagi tenggat; eskalasi ke ketua tim, pimpinan, lalu
        Bagian Organisasi (kebijakan bawaan).
      </p>
      <fieldset>
        <legend>Gladi (uji coba)</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={props.rehearsal.on}
            onChange={(e) => props.setRehearsal({ ...props.rehearsal, on: e.target.checked })}
          />
          Jalankan sebagai gladi dengan jam sendiri (ditolak di lingkungan produksi)
        </label>
        {props.rehearsal.on ? (
          <div className="grid-2">
            <Field label="Jam gladi dimulai pada">
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  value={props.rehearsal.origin}
                  onChange={(e) => props.setRehearsal({ ...props.rehearsal, origin: e.target.value })}
                />
              )}
            </Field>
            <Field label="Percepatan (1 = waktu nyata)">
              {(p) => (
                <input
                  {...p}
                  type="number"
                  min={1}
                  value={props.rehearsal.speedup}
                  onChange={(e) => props.setRehearsal({ ...props.rehearsal, speedup: Number(e.target.value) })}
                />
              )}
            </Field>
          </div>
        ) : null}
      </fieldset>
    </>
  );
}

function CatalogueStep({
  catalogue,
  dropped,
  setDropped,
}: {
  catalogue: LaunchPreview;
  dropped: Set<string>;
  setDropped(value: Set<string>): void;
}) {
  const all = catalogue.stages.flatMap((stage) => stage.tasks.map((task) => task.key));
  const set = (keys: string[], keep: boolean) => {
    const next = new Set(dropped);
    for (const key of keys) {
      if (keep) next.delete(key);
      else next.add(key);
    }
    setDropped(next);
  };
  return (
    <>
      <h2>Katalog rencana aksi</h2>
      <p>
        {all.length - dropped.size} dari {all.length} tugas dipakai. Setiap tahap memerlukan sedikitnya satu tugas
        wajib.
      </p>
      <div className="actions">
        <button type="button" onClick={() => set(all, true)}>
          Pakai semua
        </button>
        <button type="button" onClick={() => set(all, false)}>
          Kosongkan semua
        </button>
      </div>
      {catalogue.stages.map((stage) => (
        <fieldset key={stage.stage} className="catalogue-stage">
          <legend>
            {stageLabel(stage.stage)}{' '}
            <span className="muted">
              ({stage.tasks.filter((t) => !dropped.has(t.key)).length}/{stage.tasks.length})
            </span>
          </legend>
          <ul>
            {stage.tasks.map((task) => (
              <li key={task.key}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={!dropped.has(task.key)}
                    onChange={(e) => set([task.key], e.target.checked)}
                  />
                  {task.title}
                  <span className="muted">
                    {' '}
                    · {roleLabel(task.assigneeRole)}
                    {task.required ? ' · wajib' : ''}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </>
  );
}

function ConfirmStep({
  preview,
  unitCount,
  name,
  zone,
}: {
  preview: LaunchPreview;
  unitCount: number;
  name: string;
  zone: Zone;
}) {
  return (
    <>
      <h2>Konfirmasi</h2>
      <Notice>
        Meluncurkan <strong>{name}</strong> untuk {unitCount} unit membuat{' '}
        <strong data-testid="total-tasks">{preview.totalTasks} tugas</strong> ({preview.tasksPerUnit} per unit) dan
        segera mengirim <strong data-testid="first-emails">{preview.firstEmails} email pertama</strong>.
        {preview.carriedTasks ? (
          <>
            {' '}
            Termasuk <strong data-testid="carried-tasks">{preview.carriedTasks} tugas rekomendasi</strong> yang dibawa
            dari siklus sebelumnya (seluruh unit).
          </>
        ) : null}
      </Notice>
      {preview.stages.map((stage) => (
        <section key={stage.stage} className="preview-stage">
          <h3>
            {stageLabel(stage.stage)}{' '}
            <span className="muted">
              {formatDay(stage.window.opens)} – {formatDay(stage.window.due)}
            </span>
          </h3>
          {stage.tasks.length === 0 ? (
            <p className="muted">Tidak ada tugas.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Tugas</th>
                  <th scope="col">Penanggung jawab</th>
                  <th scope="col">Tenggat</th>
                </tr>
              </thead>
              <tbody>
                {stage.tasks.map((task) => (
                  <tr key={task.key}>
                    <td>
                      {task.title}
                      {task.required ? <span className="muted"> (wajib)</span> : null}
                    </td>
                    <td>{roleLabel(task.assigneeRole)}</td>
                    <td>{formatInstant(task.due, zone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
