import type { RoleCode } from '../../../domain/roles';

/**
 * The columns of the authorization matrix: the two instansi-wide roles, then each unit role once in unit A (where
 * every target lives: "own unit") and once in unit B ("other unit").
 */
export const unitRoles = ['pimpinan', 'ketua_tim', 'anggota_tim', 'penilai'] as const satisfies readonly RoleCode[];
export type UnitRole = (typeof unitRoles)[number];

export type CellId = 'admin_organisasi' | 'pengamat' | `${UnitRole}@A` | `${UnitRole}@B`;

export const cellIds: readonly CellId[] = [
  'admin_organisasi',
  'pengamat',
  ...unitRoles.map((role) => `${role}@A` as const),
  ...unitRoles.map((role) => `${role}@B` as const),
];

/** Short column heads for the printed summary. */
const heads: Record<CellId, string> = {
  admin_organisasi: 'admin',
  pengamat: 'pengamat',
  'pimpinan@A': 'pimpinan/A',
  'ketua_tim@A': 'ketua/A',
  'anggota_tim@A': 'anggota/A',
  'penilai@A': 'penilai/A',
  'pimpinan@B': 'pimpinan/B',
  'ketua_tim@B': 'ketua/B',
  'anggota_tim@B': 'anggota/B',
  'penilai@B': 'penilai/B',
};

/**
 * What a cell expects. A status code; for bulk reassignment (which answers 200 with a result per task) the status and
 * the task's result, `200:reassigned` / `200:refused` / `200:not_found`.
 */
export type Outcome = 200 | 201 | 202 | 204 | 403 | 404 | 422 | '200:reassigned' | '200:refused' | '200:not_found';

/** Allowed: the call succeeds and changes the target. Everything else is refused and must change nothing. */
export const isAllowed = (outcome: Outcome): boolean =>
  typeof outcome === 'number' ? outcome < 300 : outcome === '200:reassigned';

type PerUnitRole = Outcome | Record<UnitRole, Outcome>;

/**
 * One row's expectations, written as the policy reads: the two instansi-wide roles, then unit A's roles (`own`),
 * then unit B's (`other`), each either one outcome for all four unit roles or one per role.
 */
export function outcomes(spec: {
  admin_organisasi: Outcome;
  pengamat: Outcome;
  own: PerUnitRole;
  other: PerUnitRole;
}): Record<CellId, Outcome> {
  const each = (value: PerUnitRole, role: UnitRole) => (typeof value === 'object' ? value[role] : value);
  return Object.fromEntries([
    ['admin_organisasi', spec.admin_organisasi],
    ['pengamat', spec.pengamat],
    ...unitRoles.map((role) => [`${role}@A`, each(spec.own, role)]),
    ...unitRoles.map((role) => [`${role}@B`, each(spec.other, role)]),
  ]) as Record<CellId, Outcome>;
}

/** Only Bagian Organisasi; everyone else is told 403 (an instansi-wide action, so nothing is revealed). */
export const adminOnly = (allowed: Outcome): Record<CellId, Outcome> =>
  outcomes({ admin_organisasi: allowed, pengamat: 403, own: 403, other: 403 });

export interface RowResult {
  label: string;
  got: Record<CellId, string>;
  problems: string[];
  /** Why the workflow refuses what the API let through (422 cells), printed under the table. */
  workflowRule?: string;
}

/** Bulk results in a column's width: `200 ok` reassigned, `200 ref` refused, `200 nf` not found. */
const shown = (got: string | undefined): string =>
  got === undefined ? '-' : got.replace(':reassigned', ' ok').replace(':refused', ' ref').replace(':not_found', ' nf');

/** The matrix as a table: one line per row, one column per cell, then counts and the workflow rules behind 422s. */
export function formatSummary(results: readonly RowResult[]): string {
  const width = Math.max(...results.map((result) => result.label.length), 10);
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(width)}  ${cells.map((cell, index) => cell.padEnd(heads[cellIds[index]!].length + 2)).join('')}`;
  const all = results.flatMap((result) => cellIds.map((id) => result.got[id]).filter(Boolean));
  const count = (test: (got: string) => boolean) => all.filter(test).length;
  const allowed = count((got) => /^2\d\d$/.test(got) || got === '200:reassigned');
  const byApi = count((got) => got === '403' || got === '404');
  const byWorkflow = count((got) => got === '422');
  const perTask = count((got) => got === '200:refused' || got === '200:not_found');
  const problems = results.reduce((sum, result) => sum + result.problems.length, 0);
  return [
    'Authorization matrix: status per cell (A = the target’s unit, B = another unit; bulk: per-task result)',
    line(
      'operation',
      cellIds.map((id) => heads[id]),
    ),
    ...results.map((result) =>
      line(
        result.label,
        cellIds.map((id) => shown(result.got[id])),
      ),
    ),
    `${results.length} rows × ${cellIds.length} cells = ${all.length} calls: ${allowed} allowed, ${byApi} refused by ` +
      `the API (403/404), ${byWorkflow} refused by the workflow (422), ${perTask} refused per task in a bulk call; ` +
      `${problems} mismatch${problems === 1 ? '' : 'es'}`,
    ...results.filter((result) => result.workflowRule).map((result) => `  422 ${result.label}: ${result.workflowRule}`),
    '',
  ].join('\n');
}
