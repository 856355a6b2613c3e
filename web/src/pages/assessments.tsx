/**
 * Penilaian dan penghargaan of a cycle: every unit's penilaian the reader may see (phase, score, the predicate it may
 * be proposed for, conditions it failed, its predikat), with the LKE workbook and certificate downloads per unit, the
 * cycle report, and the recommendations units without a predikat carry into the next cycle.
 */
import { useState, type ReactNode } from 'react';
import { ApiError, get } from '../api/client';
import type { AssessmentSummary, CarriedRecommendations, Cycle, Me, Page } from '../api/types';
import { ErrorMessage, Loading, PageTitle } from '../components/ui';
import { downloadFile } from '../download';
import { formatDay, formatScore } from '../format';
import { useResource } from '../hooks';
import { cycleStatusLabels } from '../labels';
import { Link, setSearch, useLocation } from '../router';
import { useMe } from '../session';
import { asApiError, assessmentApi, assessmentPage } from './assessment-shared';

/** The cycle report is for Bagian Organisasi, pengamat and pimpinan (their own units). */
export const readsCycleReport = (me: Me): boolean =>
  me.instansiRoles.includes('admin_organisasi') ||
  me.instansiRoles.includes('pengamat') ||
  me.grants.some((grant) => grant.role === 'pimpinan');

/** A button that downloads through the API, with a visible failure next to it. */
export function DownloadButton({
  path,
  fileName,
  children,
  className,
}: {
  path: string;
  fileName: string;
  children: ReactNode;
  className?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  return (
    <span className="download">
      <button
        type="button"
        className={className}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(undefined);
          downloadFile(path, fileName)
            .catch((caught: unknown) => setError(asApiError(caught)))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Mengunduh…' : children}
      </button>
      {error ? (
        <span className="overdue-text" role="alert">
          {' '}
          {error.explanation}
        </span>
      ) : null}
    </span>
  );
}

export const workbookPath = (cycleId: string, unitCode: string) => assessmentApi(cycleId, unitCode, '/workbook');
export const certificatePath = (cycleId: string, unitCode: string) =>
  `/awards/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitCode)}/certificate.pdf`;
export const reportPath = (cycleId: string) => `/awards/cycles/${encodeURIComponent(cycleId)}/report.pdf`;

export function AssessmentsPage() {
  const me = useMe();
  const { search } = useLocation();
  const cycles = useResource(() => get<Page<Cycle>>('/cycles'), 'cycles');
  const items = cycles.data?.items ?? [];
  const chosen = search.get('siklus') ?? items.find((c) => c.status === 'launched')?.id ?? items[0]?.id;

  return (
    <section>
      <PageTitle title="Penilaian dan penghargaan">Penilaian dan penghargaan</PageTitle>
      <ErrorMessage error={cycles.error} />
      {cycles.loading && !cycles.data ? <Loading what="siklus" /> : null}
      {cycles.data && items.length === 0 && !chosen ? <p>Belum ada siklus yang dapat Anda lihat.</p> : null}
      {items.length > 0 ? (
        <div className="field cycle-picker">
          <label htmlFor="pilih-siklus-penilaian">Siklus</label>
          <select id="pilih-siklus-penilaian" value={chosen} onChange={(e) => setSearch({ siklus: e.target.value })}>
            {chosen && !items.some((cycle) => cycle.id === chosen) ? <option value={chosen}>{chosen}</option> : null}
            {items.map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {cycle.name} — {cycle.year}, {cycleStatusLabels[cycle.status] ?? cycle.status}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {chosen ? <CycleAssessments key={chosen} cycleId={chosen} me={me} /> : null}
    </section>
  );
}

function CycleAssessments({ cycleId, me }: { cycleId: string; me: Me }) {
  const list = useResource(() => get<{ items: AssessmentSummary[] }>('/assessments', { cycle: cycleId }), cycleId);
  const recommendations = useResource(
    () => get<CarriedRecommendations>(`/awards/${encodeURIComponent(cycleId)}/recommendations`).catch(() => undefined),
    cycleId,
  );
  const rows = list.data?.items ?? [];
  const carried = (recommendations.data?.units ?? []).filter((unit) => unit.items.length > 0);

  return (
    <div>
      <div className="actions">
        {readsCycleReport(me) ? (
          <DownloadButton path={reportPath(cycleId)} fileName={`laporan-${cycleId}.pdf`}>
            Unduh laporan siklus (pdf)
          </DownloadButton>
        ) : null}
        <button type="button" onClick={list.reload}>
          Muat ulang
        </button>
      </div>
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? <Loading what="penilaian" /> : null}
      {list.data && rows.length === 0 ? (
        <p>Belum ada penilaian unit pada siklus ini: tahap penilaian belum dibuka untuk unit yang dapat Anda lihat.</p>
      ) : null}
      {rows.length > 0 ? (
        <table className="responsive assessments">
          <caption className="visually-hidden">Penilaian unit pada siklus {cycleId}</caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Tahap</th>
              <th scope="col">Nilai akhir</th>
              <th scope="col">Dapat diusulkan</th>
              <th scope="col">Syarat belum terpenuhi</th>
              <th scope="col">Predikat</th>
              <th scope="col">Unduhan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-unit={row.unitCode}>
                <td data-label="Unit">
                  <Link to={assessmentPage(cycleId, row.unitCode)}>{row.unitName}</Link>
                  <div className="muted">{row.unitCode}</div>
                </td>
                <td data-label="Tahap">
                  {row.phaseLabel}
                  {row.outcomeNote ? <div className="muted">{row.outcomeNote}</div> : null}
                </td>
                <td data-label="Nilai akhir">{row.score === null ? '—' : formatScore(row.score)}</td>
                <td data-label="Dapat diusulkan">
                  {row.eligiblePredicate ?? (row.score === null ? '—' : 'Belum')}
                  {row.proposalDeadline && ['usulan', 'final'].includes(row.phase) ? (
                    <div className="muted">batas usulan {formatDay(row.proposalDeadline)}</div>
                  ) : null}
                </td>
                <td data-label="Syarat belum terpenuhi">
                  {row.failures.length === 0 ? (
                    '—'
                  ) : (
                    <details>
                      <summary>{row.failures.length} syarat</summary>
                      <ul>
                        {row.failures.map((failure) => (
                          <li key={failure}>{failure}</li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td data-label="Predikat">{row.predikat ?? '—'}</td>
                <td data-label="Unduhan" className="actions">
                  <DownloadButton
                    path={workbookPath(cycleId, row.unitCode)}
                    fileName={`lke-${cycleId}-${row.unitCode}.xlsx`}
                  >
                    LKE (xlsx)<span className="visually-hidden"> {row.unitName}</span>
                  </DownloadButton>
                  {row.predikat ? (
                    <DownloadButton
                      path={certificatePath(cycleId, row.unitCode)}
                      fileName={`piagam-${cycleId}-${row.unitCode}.pdf`}
                    >
                      Piagam (pdf)<span className="visually-hidden"> {row.unitName}</span>
                    </DownloadButton>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {carried.length > 0 ? (
        <section aria-labelledby="rekomendasi-judul">
          <h2 id="rekomendasi-judul">Rekomendasi untuk siklus berikutnya</h2>
          <p className="muted">Unit tanpa predikat membawa syarat yang belum terpenuhi dan catatan TPI/TPN.</p>
          {carried.map((unit) => (
            <details key={unit.unitCode} className="card">
              <summary>
                {unit.unitName} — menuju {unit.target} ({unit.items.length} butir)
              </summary>
              <ul>
                {unit.items.map((item, index) => (
                  <li key={`${item.code}:${index}`}>
                    <span className="badge">{item.source.toUpperCase()}</span> {item.text}
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
