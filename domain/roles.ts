/**
 * Who does what in a ZI cycle. A person holds a role per cycle (and, for team roles, per unit); templates name
 * roles, never people, so the same catalogue serves every unit.
 */

export const roleCodes = ['admin_organisasi', 'pimpinan', 'ketua_tim', 'anggota_tim', 'penilai', 'pengamat'] as const;
export type RoleCode = (typeof roleCodes)[number];

export const roleLabels: Readonly<Record<RoleCode, string>> = {
  admin_organisasi: 'Admin Bagian Organisasi',
  pimpinan: 'Pimpinan',
  ketua_tim: 'Ketua Tim Kerja ZI',
  anggota_tim: 'Anggota Tim Kerja ZI',
  penilai: 'Tim Penilai Internal (TPI)',
  pengamat: 'Pengamat',
};

/** Pengamat only reads dashboards and reports: it can neither be given a task nor review one. */
export const readOnlyRoles: readonly RoleCode[] = ['pengamat'];

export function isRoleCode(value: unknown): value is RoleCode {
  return typeof value === 'string' && (roleCodes as readonly string[]).includes(value);
}

/** Whether the role may be assigned a task or review one. */
export function canWorkOnTasks(role: RoleCode): boolean {
  return !readOnlyRoles.includes(role);
}
