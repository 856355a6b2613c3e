/**
 * Who may do what, and where. A person holds grants: a role in one unit (anggota in one unit, ketua in another), or
 * an instansi-wide role (Bagian Organisasi, pengamat). The API's services ask `may` before every read and write; the
 * workflows then check the finer rules (is this person the task's assignee?). Pure: no I/O.
 */
import { roleCodes, type RoleCode } from './roles';

export interface Grant {
  role: RoleCode;
  /** The unit the role holds in; absent for an instansi-wide grant. */
  unitCode?: string;
}

/** Roles that may hold instansi-wide: they look across every unit rather than work inside one. */
export const instansiWideRoles: readonly RoleCode[] = ['admin_organisasi', 'pengamat'];

/** A signed-in person as the API sees them. `personId` is the normalised email, as the workflows know people. */
export interface Principal {
  personId: string;
  name: string;
  email: string;
  grants: readonly Grant[];
}

export const actions = [
  'cycle.launch',
  'cycle.steer',
  'cycle.read',
  'unit.manage',
  'unit.read',
  'person.manage',
  'person.read',
  'task.read',
  'task.claim',
  'task.submit',
  'task.review',
  'task.reassign',
  'task.comment',
  'notification.read',
  'notification.resend',
  'audit.read',
  'lke.publish',
  'assessment.read',
  'assessment.answer',
  'assessment.review',
  'assessment.approve',
  'assessment.record',
  'award.record',
  'award.report',
] as const;
export type Action = (typeof actions)[number];

const everyone = roleCodes;
const workers: readonly RoleCode[] = ['admin_organisasi', 'pimpinan', 'ketua_tim', 'anggota_tim', 'penilai'];

/**
 * The roles that may take each action in a unit (or, for instansi-wide grants, in every unit). Reading is open to
 * every role of the unit; changing work is not open to pengamat; steering belongs to Bagian Organisasi.
 */
export const permissions: Readonly<Record<Action, readonly RoleCode[]>> = {
  'cycle.launch': ['admin_organisasi'],
  'cycle.steer': ['admin_organisasi'],
  'cycle.read': everyone,
  'unit.manage': ['admin_organisasi'],
  'unit.read': everyone,
  'person.manage': ['admin_organisasi'],
  'person.read': ['admin_organisasi', 'pengamat', 'pimpinan', 'ketua_tim'],
  'task.read': everyone,
  'task.claim': workers,
  'task.submit': workers,
  'task.review': workers,
  // Steering a unit's tasks (reassigning, moving due dates) is the task workflow's steering roles' (domain/task.ts).
  'task.reassign': ['admin_organisasi', 'ketua_tim'],
  'task.comment': workers,
  'notification.read': ['admin_organisasi'],
  'notification.resend': ['admin_organisasi'],
  'audit.read': ['admin_organisasi', 'pengamat', 'pimpinan', 'ketua_tim', 'penilai'],
  // LKE templates are instansi-wide yearly rules: Bagian Organisasi publishes them.
  'lke.publish': ['admin_organisasi'],
  // Penilaian: the unit answers its LKE (the workflow lets only the ketua tim submit it), the TPI reviews in layers,
  // the unit's pimpinan approves the proposal, Bagian Organisasi records the proposal and TPN's results.
  'assessment.read': everyone,
  'assessment.answer': ['pimpinan', 'ketua_tim', 'anggota_tim'],
  'assessment.review': ['penilai'],
  'assessment.approve': ['pimpinan'],
  'assessment.record': ['admin_organisasi'],
  // Predikat are recorded and revoked by Bagian Organisasi; the cycle report is for pimpinan (their own units).
  'award.record': ['admin_organisasi'],
  'award.report': ['admin_organisasi', 'pengamat', 'pimpinan'],
};

export const isInstansiWide = (grant: Grant): boolean => grant.unitCode === undefined;

/** The roles a person holds in a unit: the unit's own grants plus instansi-wide ones. */
export function rolesIn(principal: Pick<Principal, 'grants'>, unitCode: string): RoleCode[] {
  const roles = principal.grants
    .filter((grant) => grant.unitCode === unitCode || isInstansiWide(grant))
    .map((grant) => grant.role);
  return [...new Set(roles)];
}

/** The units a person may look into: every unit (an instansi-wide grant), or those they hold a grant in. */
export function visibleUnits(principal: Pick<Principal, 'grants'>): 'all' | string[] {
  if (principal.grants.some(isInstansiWide)) return 'all';
  return [...new Set(principal.grants.map((grant) => grant.unitCode as string))];
}

export function canSeeUnit(principal: Pick<Principal, 'grants'>, unitCode: string): boolean {
  return rolesIn(principal, unitCode).length > 0;
}

/**
 * Whether the person may take the action in the unit; without a unit, whether any of their grants allows it
 * anywhere (instansi-wide actions such as launching a cycle need an instansi-wide grant, see `mayEverywhere`).
 */
export function may(principal: Pick<Principal, 'grants'>, action: Action, unitCode?: string): boolean {
  const allowed = permissions[action];
  const roles = unitCode === undefined ? principal.grants.map((g) => g.role) : rolesIn(principal, unitCode);
  return roles.some((role) => allowed.includes(role));
}

/** Whether an instansi-wide grant allows the action (launching cycles, managing units and people). */
export function mayEverywhere(principal: Pick<Principal, 'grants'>, action: Action): boolean {
  return principal.grants.some((grant) => isInstansiWide(grant) && permissions[action].includes(grant.role));
}

/** What is wrong with a set of grants, by dotted path (`0.unitCode`); empty when they are fine. */
export function validateGrants(grants: readonly Grant[]): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  grants.forEach((grant, index) => {
    if (isInstansiWide(grant) && !instansiWideRoles.includes(grant.role)) {
      issues.push({ path: `${index}.unitCode`, message: `peran ${grant.role} harus terikat pada satu unit` });
    }
    const key = `${grant.role}@${grant.unitCode ?? '*'}`;
    if (seen.has(key)) issues.push({ path: `${index}`, message: 'hak akses ganda' });
    seen.add(key);
  });
  return issues;
}
