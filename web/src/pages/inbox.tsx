/**
 * Kotak tugas: my tasks or my units' tasks, with the filters GET /tasks offers (kept in the address), soonest due
 * first as the API sorts them; overdue rows are marked in words and colour.
 */
import { useState } from 'react';
import { get } from '../api/client';
import type { Cycle, Page, TaskSummary } from '../api/types';
import { ErrorMessage, Loading, PageTitle, StatusBadge } from '../components/ui';
import { formatInstant } from '../format';
import { useResource, useZones } from '../hooks';
import { areaCodes, areaLabel, stageCodes, stageLabel, statusLabel, taskStatuses } from '../labels';
import { Link, setSearch, useLocation } from '../router';
import { useMe } from '../session';

const filterKeys = ['scope', 'status', 'stage', 'area', 'unit', 'cycle', 'overdue'] as const;

export function InboxPage() {
  const me = useMe();
  const { search } = useLocation();
  const zoneOf = useZones();
  const filters = Object.fromEntries(filterKeys.map((key) => [key, search.get(key) ?? ''])) as Record<
    (typeof filterKeys)[number],
    string
  >;
  const scope = filters.scope === 'unit' ? 'unit' : 'mine';
  const query = { ...filters, scope, limit: 50 };
  const key = JSON.stringify(query);
  const [more, setMore] = useState<{ key: string; items: TaskSummary[]; cursor?: string | null }>();

  const page = useResource(() => get<Page<TaskSummary>>('/tasks', query), key);
  const cycles = useResource(() => get<Page<Cycle>>('/cycles'), 'cycles');
  const extra = more?.key === key ? more : undefined;
  const items = [...(page.data?.items ?? []), ...(extra?.items ?? [])];
  const nextCursor = extra ? extra.cursor : page.data?.nextCursor;

  const loadMore = async () => {
    if (!nextCursor) return;
    const next = await get<Page<TaskSummary>>('/tasks', { ...query, cursor: nextCursor });
    setMore({ key, items: [...(extra?.items ?? []), ...next.items], cursor: next.nextCursor });
  };

  const units = Object.keys(me.unitRoles).sort();
  const overdueCount = items.filter((task) => task.overdue).length;

  return (
    <section>
      <PageTitle title="Kotak tugas">Kotak tugas</PageTitle>
      <div className="tabs" role="group" aria-label="Cakupan">
        <button type="button" aria-pressed={scope === 'mine'} onClick={() => setSearch({ scope: undefined })}>
          Tugas saya
        </button>
        <button type="button" aria-pressed={scope === 'unit'} onClick={() => setSearch({ scope: 'unit' })}>
          Tugas unit saya
        </button>
      </div>

      <form className="filters" aria-label="Saring tugas" onSubmit={(e) => e.preventDefault()}>
        <label>
          Status
          <select value={filters.status} onChange={(e) => setSearch({ status: e.target.value })}>
            <option value="">Semua status</option>
            <option value="open,claimed,revision_requested">Perlu dikerjakan</option>
            {taskStatuses.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tahap
          <select value={filters.stage} onChange={(e) => setSearch({ stage: e.target.value })}>
            <option value="">Semua tahap</option>
            {stageCodes.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(stage)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Area
          <select value={filters.area} onChange={(e) => setSearch({ area: e.target.value })}>
            <option value="">Semua area</option>
            {areaCodes.map((area) => (
              <option key={area} value={area}>
                {areaLabel(area)}
              </option>
            ))}
          </select>
        </label>
        {units.length > 1 ? (
          <label>
            Unit
            <select value={filters.unit} onChange={(e) => setSearch({ unit: e.target.value })}>
              <option value="">Semua unit</option>
              {units.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          Siklus
          <select value={filters.cycle} onChange={(e) => setSearch({ cycle: e.target.value })}>
            <option value="">Semua siklus</option>
            {(cycles.data?.items ?? []).map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {cycle.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={filters.overdue === 'true'}
            onChange={(e) => setSearch({ overdue: e.target.checked ? 'true' : undefined })}
          />
          Hanya yang terlambat
        </label>
        <button type="button" onClick={page.reload}>
          Muat ulang
        </button>
      </form>

      <ErrorMessage error={page.error} />
      {page.loading && !page.data ? <Loading what="tugas" /> : null}
      {page.data ? (
        <p className="muted" aria-live="polite">
          {items.length} tugas{overdueCount > 0 ? `, ${overdueCount} terlambat` : ''}
          {page.loading ? ' (memuat…)' : ''}
        </p>
      ) : null}
      {page.data && items.length === 0 ? <p>Tidak ada tugas yang cocok dengan saringan ini.</p> : null}
      {items.length > 0 ? (
        <table className="tasks responsive">
          <caption className="visually-hidden">Daftar tugas, tenggat terdekat lebih dahulu</caption>
          <thead>
            <tr>
              <th scope="col">Tugas</th>
              <th scope="col">Unit</th>
              <th scope="col">Tahap / area</th>
              <th scope="col">Status</th>
              <th scope="col">Tenggat</th>
            </tr>
          </thead>
          <tbody>
            {items.map((task) => (
              <tr key={task.id} className={task.overdue ? 'overdue' : undefined}>
                <td data-label="Tugas">
                  <Link to={`/tugas/${encodeURIComponent(task.id)}`}>{task.title}</Link>
                  {task.onBehalfOf ? <div className="muted">Menggantikan {task.onBehalfOf}</div> : null}
                </td>
                <td data-label="Unit">{task.unitCode}</td>
                <td data-label="Tahap / area">
                  {stageLabel(task.stage)}
                  <div className="muted">{areaLabel(task.area)}</div>
                </td>
                <td data-label="Status">
                  <StatusBadge status={task.status} />
                </td>
                <td data-label="Tenggat">
                  {formatInstant(task.due, zoneOf(task.unitCode))}
                  {task.overdue ? <span className="badge overdue-badge">Terlambat</span> : null}
                  {task.escalationLevel > 0 ? (
                    <span className="badge escalation-badge">Eskalasi {task.escalationLevel}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {nextCursor ? (
        <button type="button" onClick={() => void loadMore()}>
          Muat lebih banyak
        </button>
      ) : null}
    </section>
  );
}
