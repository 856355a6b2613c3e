/**
 * Dasbor: the cycles, and for one cycle its stage timeline, headline counts, where each unit stands per stage and per
 * area (heat maps), the units monev found lagging, what is overdue or escalated, and — for Bagian Organisasi — the
 * cycle's emails that failed.
 */
import { get, type ApiError } from '../api/client';
import type { Cycle, CycleTask, MonevReview, Notification, Page, Tally } from '../api/types';
import { ErrorMessage, Loading, PageTitle, ProgressBar, StatusBadge } from '../components/ui';
import { formatDay, formatInstant, formatPercent } from '../format';
import { useResource, useZones } from '../hooks';
import {
  areaCodes,
  areaLabel,
  cycleStatusLabels,
  stageCodes,
  stageLabel,
  stageStatusLabels,
  statusLabel,
  taskStatuses,
} from '../labels';
import { Link, setSearch, useLocation } from '../router';
import { isAdmin, useMe } from '../session';
import { DownloadButton, readsCycleReport, reportPath } from './assessments';

export function DashboardPage() {
  const { search } = useLocation();
  const cycles = useResource(() => get<Page<Cycle>>('/cycles'), 'cycles');
  const items = cycles.data?.items ?? [];
  const chosen = search.get('siklus') ?? items.find((c) => c.status === 'launched')?.id ?? items[0]?.id;

  return (
    <section>
      <PageTitle title="Dasbor">Dasbor</PageTitle>
      <ErrorMessage error={cycles.error} />
      {cycles.loading && !cycles.data ? <Loading what="siklus" /> : null}
      {cycles.data && items.length === 0 ? <p>Belum ada siklus yang dapat Anda lihat.</p> : null}
      {items.length > 0 ? (
        <div className="field cycle-picker">
          <label htmlFor="pilih-siklus">Siklus</label>
          <select id="pilih-siklus" value={chosen} onChange={(e) => setSearch({ siklus: e.target.value })}>
            {items.map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {cycle.name} — {cycle.year}, {cycleStatusLabels[cycle.status] ?? cycle.status}, {cycle.units.length}{' '}
                unit
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen ? <CycleOverview id={chosen} /> : null}
    </section>
  );
}

export function CyclePage({ id }: { id: string }) {
  return (
    <section>
      <p>
        <Link to="/dasbor">← Dasbor</Link>
      </p>
      <PageTitle title="Siklus">Siklus</PageTitle>
      <CycleOverview id={id} />
    </section>
  );
}

/** Light to dark green by share done; text stays dark, so contrast holds in every cell. */
function heat(share: number | undefined): string | undefined {
  if (share === undefined) return undefined;
  const lightness = 96 - Math.round(share * 46);
  return `hsl(140 55% ${lightness}%)`;
}

function HeatCell({ done, total }: { done: number; total: number }) {
  if (total === 0)
    return (
      <td className="heat empty">
        <span aria-label="tidak ada tugas">—</span>
      </td>
    );
  const share = done / total;
  return (
    <td className="heat" style={{ background: heat(share) }}>
      <span className="heat-count">
        {done}/{total}
      </span>
      <span className="heat-share">{formatPercent(share)}</span>
    </td>
  );
}

function Kpi({ id, label, value, tone }: { id: string; label: string; value: number | string; tone?: string }) {
  return (
    <div className={`kpi ${tone ?? ''}`} data-kpi={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Counts per status, drawn as one stacked bar with its numbers in the legend. */
function StatusBar({ tally, label }: { tally: Tally; label: string }) {
  const shown = taskStatuses.filter((status) => tally.byStatus[status] > 0);
  return (
    <div className="status-bar-row">
      <span className="status-bar-label">{label}</span>
      <div className="status-bar" role="img" aria-label={`${label}: ${describe(tally)}`}>
        {shown.map((status) => (
          <span
            key={status}
            className={`segment status-${status}`}
            style={{ flexGrow: tally.byStatus[status] }}
            title={`${statusLabel(status)}: ${tally.byStatus[status]}`}
          />
        ))}
      </div>
      <span className="status-bar-total">{tally.total}</span>
    </div>
  );
}

const describe = (tally: Tally) =>
  taskStatuses
    .filter((status) => tally.byStatus[status] > 0)
    .map((status) => `${statusLabel(status)} ${tally.byStatus[status]}`)
    .join(', ') || 'tidak ada tugas';

const failedPage = 200;

/**
 * Monev's verdicts: the latest period's lagging units with their share of approved required tasks against the plan,
 * and every period in one line each (oldest first, as the API lists them).
 */
function MonevSection({ reviews, error }: { reviews: MonevReview[] | undefined; error: ApiError | undefined }) {
  const latest = reviews?.at(-1);
  return (
    <section aria-labelledby="monev-title" data-testid="monev">
      <h3 id="monev-title">Unit tertinggal (monev)</h3>
      <ErrorMessage error={error} />
      {reviews && !latest ? <p className="muted">Belum ada hasil monev untuk siklus ini.</p> : null}
      {latest ? (
        <>
          <p>
            Periode terakhir: <strong>{latest.label}</strong> ({formatInstant(latest.at)}) — target capaian{' '}
            {formatPercent(latest.expectedShare)} tugas wajib disetujui.
          </p>
          {latest.lagging.length === 0 ? (
            <p className="muted">Tidak ada unit yang tertinggal pada periode ini.</p>
          ) : (
            <div className="table-scroll">
              <table className="responsive" id="monev-tertinggal">
                <caption className="visually-hidden">Unit tertinggal pada periode {latest.label}</caption>
                <thead>
                  <tr>
                    <th scope="col">Unit</th>
                    <th scope="col">Capaian</th>
                    <th scope="col">Target</th>
                    <th scope="col">Kekurangan</th>
                  </tr>
                </thead>
                <tbody>
                  {latest.lagging.map((unit) => {
                    const counts = latest.units.find((u) => u.unitCode === unit.unitCode);
                    return (
                      <tr key={unit.unitCode} data-unit={unit.unitCode}>
                        <th scope="row" data-label="Unit">
                          {unit.unitCode}
                          <div className="muted">{unit.unitName}</div>
                        </th>
                        <td data-label="Capaian">
                          <ProgressBar share={unit.share} label={`Capaian ${unit.unitCode}`} />
                          {counts ? (
                            <span className="muted">
                              {counts.approved}/{counts.planned} tugas
                            </span>
                          ) : null}
                        </td>
                        <td data-label="Target">{formatPercent(unit.expected)}</td>
                        <td data-label="Kekurangan" className="overdue-text">
                          {formatPercent(unit.shortfall)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {reviews && reviews.length > 1 ? (
            <details>
              <summary>Semua periode ({reviews.length})</summary>
              <ul className="monev-periods">
                {reviews.map((review) => (
                  <li key={review.periodKey}>
                    <strong>{review.label}</strong> — target {formatPercent(review.expectedShare)};{' '}
                    {review.lagging.length === 0
                      ? 'tidak ada unit tertinggal'
                      : `tertinggal: ${review.lagging.map((u) => `${u.unitCode} (${formatPercent(u.share)})`).join(', ')}`}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function CycleOverview({ id }: { id: string }) {
  const me = useMe();
  const zoneOf = useZones();
  const cycle = useResource(() => get<Cycle>(`/cycles/${encodeURIComponent(id)}`), id);
  const tasks = useResource(() => get<Page<CycleTask>>(`/cycles/${encodeURIComponent(id)}/tasks`), id);
  const admin = isAdmin(me);
  const monev = useResource(
    () => get<{ items: MonevReview[] }>(`/cycles/${encodeURIComponent(id)}/monev`),
    `monev:${id}`,
  );
  // This cycle's failed emails only; one full page counts them (more than a page shows as "200+").
  const failed = useResource(
    () =>
      admin
        ? get<Page<Notification>>('/notifications', { cycle: id, status: 'failed', limit: failedPage })
        : Promise.resolve({ items: [] as Notification[], nextCursor: null }),
    `failed:${id}:${admin}`,
  );

  if (cycle.error) return <ErrorMessage error={cycle.error} />;
  const data = cycle.data;
  if (!data) return <Loading what="siklus" />;
  const progress = data.progress;
  const overall = progress?.overall;
  const rows = tasks.data?.items ?? [];
  const live = rows.filter((task) => task.status !== 'approved' && task.status !== 'cancelled');
  const escalated = live.filter((task) => (task.escalationLevel ?? 0) > 0);
  // Past due now, as the inbox computes it (the stored flag is only as fresh as the task's last write).
  const now = Date.now();
  const overdue = live.filter((task) => task.overdue || (task.due ? Date.parse(task.due) < now : false));
  const attention = [...new Map([...overdue, ...escalated].map((task) => [task.id, task])).values()];
  const units = data.units;

  return (
    <div className="cycle-overview">
      <h2>
        {data.name} <span className="badge">{cycleStatusLabels[data.status] ?? data.status}</span>
      </h2>
      <p className="muted">
        Tahun {data.year} · {units.length} unit · diluncurkan oleh {data.launchedBy.name}
        {data.createdAt ? ` pada ${formatInstant(data.createdAt)}` : ''}
        <button
          type="button"
          className="link-button refresh"
          onClick={() => (cycle.reload(), tasks.reload(), monev.reload(), failed.reload())}
        >
          Muat ulang
        </button>
      </p>

      <dl className="kpis" aria-label="Ringkasan tugas">
        <Kpi id="total" label="Tugas" value={overall?.total ?? 0} />
        <Kpi id="approved" label="Disetujui" value={overall?.byStatus.approved ?? 0} tone="good" />
        <Kpi id="submitted" label="Menunggu reviu" value={overall?.byStatus.submitted ?? 0} />
        <Kpi id="revision" label="Perlu perbaikan" value={overall?.byStatus.revision_requested ?? 0} tone="warn" />
        <Kpi id="overdue" label="Terlambat" value={overdue.length} tone={overdue.length ? 'bad' : ''} />
        <Kpi id="escalated" label="Dieskalasi" value={escalated.length} tone={escalated.length ? 'bad' : ''} />
        <Kpi id="completion" label="Selesai" value={formatPercent(overall?.completion ?? 0)} />
        {admin ? (
          <Kpi
            id="failed-emails"
            label="Email gagal"
            value={failed.data ? `${failed.data.items.length}${failed.data.nextCursor ? '+' : ''}` : '…'}
            tone={failed.data?.items.length ? 'bad' : ''}
          />
        ) : null}
      </dl>

      <section aria-labelledby="timeline-title">
        <h3 id="timeline-title">Linimasa tahap</h3>
        <ol className="timeline">
          {stageCodes.map((stage) => {
            const view = data.stages?.[stage];
            const tally = progress?.byStage[stage];
            return (
              <li key={stage} className={`stage stage-${view?.status ?? 'scheduled'}`}>
                <strong>{stageLabel(stage)}</strong>
                <span className="muted">
                  {view ? `${formatDay(view.window.opens, true)} – ${formatDay(view.window.due)}` : '—'}
                </span>
                <span className="stage-status">{stageStatusLabels[view?.status ?? 'scheduled']}</span>
                {tally ? (
                  <ProgressBar share={tally.completion} label={`Kemajuan ${stageLabel(stage)}`} />
                ) : (
                  <span className="muted">Belum ada tugas</span>
                )}
                {view?.lateUnits.length ? (
                  <span className="overdue-text">Terlambat: {view.lateUnits.join(', ')}</span>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>

      {progress ? (
        <section aria-labelledby="status-title">
          <h3 id="status-title">Status tugas per tahap</h3>
          <div className="status-chart">
            {stageCodes
              .filter((stage) => progress.byStage[stage])
              .map((stage) => (
                <StatusBar key={stage} tally={progress.byStage[stage]!} label={stageLabel(stage)} />
              ))}
          </div>
          <ul className="legend" aria-hidden="true">
            {taskStatuses.map((status) => (
              <li key={status}>
                <span className={`swatch status-${status}`} /> {statusLabel(status)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="heat-stage-title">
        <h3 id="heat-stage-title">Kemajuan unit per tahap</h3>
        <p className="muted">Tugas disetujui dari seluruh tugas unit pada tahap itu.</p>
        <div className="table-scroll">
          <table className="heatmap" id="heatmap-tahap">
            <thead>
              <tr>
                <th scope="col">Unit</th>
                {stageCodes.map((stage) => (
                  <th scope="col" key={stage}>
                    {stageLabel(stage)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => {
                const byStage = progress?.byUnit[unit.code]?.byStage ?? {};
                return (
                  <tr key={unit.code} data-unit={unit.code}>
                    <th scope="row">
                      {unit.code}
                      <div className="muted">{unit.name}</div>
                    </th>
                    {stageCodes.map((stage) => {
                      const tally = byStage[stage];
                      const done = tally?.byStatus.approved ?? 0;
                      const total = tally ? tally.total - tally.byStatus.cancelled : 0;
                      return <HeatCell key={stage} done={done} total={total} />;
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="heat-area-title">
        <h3 id="heat-area-title">Kemajuan unit per area perubahan</h3>
        {tasks.error ? <ErrorMessage error={tasks.error} /> : null}
        <div className="table-scroll">
          <table className="heatmap" id="heatmap-area">
            <thead>
              <tr>
                <th scope="col">Unit</th>
                {areaCodes.map((area) => (
                  <th scope="col" key={area}>
                    {areaLabel(area)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {units.map((unit) => (
                <tr key={unit.code}>
                  <th scope="row">{unit.code}</th>
                  {areaCodes.map((area) => {
                    const inCell = rows.filter(
                      (task) => task.unitCode === unit.code && task.area === area && task.status !== 'cancelled',
                    );
                    const done = inCell.filter((task) => task.status === 'approved').length;
                    return <HeatCell key={area} done={done} total={inCell.length} />;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="penilaian-title" className="card">
        <h3 id="penilaian-title">Penilaian dan penghargaan</h3>
        <p className="muted">
          LKE setiap unit, evaluasi TPI, usulan, hasil TPN dan predikat
          {data.stages?.penilaian
            ? `; tahap penilaian ${formatDay(data.stages.penilaian.window.opens, true)} – ${formatDay(data.stages.penilaian.window.due)}`
            : ''}
          .
        </p>
        <div className="actions">
          <Link className="button-link" to={`/penilaian?siklus=${encodeURIComponent(data.id)}`}>
            Buka penilaian siklus ini
          </Link>
          {readsCycleReport(me) ? (
            <DownloadButton path={reportPath(data.id)} fileName={`laporan-${data.id}.pdf`}>
              Unduh laporan siklus (pdf)
            </DownloadButton>
          ) : null}
        </div>
      </section>

      <MonevSection reviews={monev.data?.items} error={monev.error} />

      <section aria-labelledby="attention-title">
        <h3 id="attention-title">Terlambat dan dieskalasi</h3>
        {attention.length === 0 ? (
          <p className="muted">Tidak ada tugas yang terlambat atau dieskalasi.</p>
        ) : (
          <ul className="attention">
            {attention.slice(0, 15).map((task) => (
              <li key={task.id}>
                <Link to={`/tugas/${encodeURIComponent(task.id)}`}>{task.title}</Link> — {task.unitCode},{' '}
                <StatusBadge status={task.status} />, tenggat {formatInstant(task.due, zoneOf(task.unitCode))}
                {task.escalationLevel ? (
                  <span className="badge escalation-badge">Eskalasi {task.escalationLevel}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {admin ? (
        <section aria-labelledby="failed-title">
          <h3 id="failed-title">Email gagal terkirim pada siklus ini</h3>
          <ErrorMessage error={failed.error} />
          {failed.data?.items.length ? (
            <>
              <ul>
                {failed.data.items.slice(0, 5).map((item) => (
                  <li key={item.id}>
                    {item.subject} → {item.to} <span className="muted">({item.lastError ?? 'ditolak'})</span>
                  </li>
                ))}
              </ul>
              {failed.data.items.length > 5 ? (
                <p className="muted">dan {failed.data.items.length - 5} lainnya.</p>
              ) : null}
              <Link to={`/admin/email?status=failed&siklus=${encodeURIComponent(data.id)}`}>
                Buka log email siklus ini untuk mengirim ulang
              </Link>
            </>
          ) : (
            <p className="muted">Tidak ada email siklus ini yang gagal.</p>
          )}
        </section>
      ) : null}
    </div>
  );
}
