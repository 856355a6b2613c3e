/**
 * The Tim Kerja ZI of one unit: the pimpinan submits it in the pembentukan tim stage (task `submit_tim_kerja`), and
 * from then on the unit's tasks go to its people instead of to whoever holds a role. Pure: safe inside Temporal's
 * workflow sandbox. Messages reach people: Bahasa Indonesia.
 */
import { areaCodes, areaNames, isAreaCode, type AreaCode } from './areas';
import type { TaskTemplate } from './catalogue';
import { personIdOf, type Participant } from './people';
import { roleCodes, roleLabels, type RoleCode } from './roles';

/** The catalogue task whose submission carries the team; its workflow update holds a `TeamSubmission`. */
export const teamTaskKey = 'submit_tim_kerja';

/** The roles a team submission hands out; every other role is known at launch. */
export const teamRoles = ['ketua_tim', 'anggota_tim'] as const;
export type TeamRole = (typeof teamRoles)[number];

export interface TeamMember {
  name: string;
  email: string;
  role: TeamRole;
}

export interface TeamSubmission {
  /** In the order of the SK Tim Kerja; rosters keep it. */
  members: TeamMember[];
  /** Per area, the email of the member who leads its pokja and receives its tasks. */
  coordinators: Partial<Record<AreaCode, string>>;
}

/** One problem found in a submission; `path` is dotted (`members.2.email`) so the API can name the field. */
export interface TeamIssue {
  readonly path: string;
  readonly message: string;
}

/** A roster: the people of one unit by the role they hold there. */
export type Roster = Partial<Record<RoleCode, Participant[]>>;

/** An SK Tim Kerja lists a handful of people per area; a hundred is far beyond any real team and bounds the work. */
export const maxTeamMembers = 100;
export const maxMemberNameLength = 200;

// Deliberately loose: one `@`, a dot in the domain, no spaces. Mail delivery is the real test of an address.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a submission and returns every problem (empty means valid). Takes `unknown` because it guards the
 * boundary: the value comes from an HTTP body or a workflow update, so any shape is reported, never thrown on.
 * Rules: 1–100 members, each with a name (≤ 200 characters), a plausible and unique (case-insensitive) email and a
 * role; exactly one ketua and at least one anggota; every area has a coordinator who is a member; no unknown area.
 */
export function validateTeam(team: unknown): TeamIssue[] {
  if (!isRecord(team)) {
    return [
      {
        path: '',
        message:
          team === undefined || team === null ? 'susunan Tim Kerja belum diisi' : 'susunan Tim Kerja tidak valid',
      },
    ];
  }
  const issues: TeamIssue[] = [];
  const memberIds = memberIssues(team.members, issues);
  coordinatorIssues(team.coordinators, memberIds, issues);
  return issues;
}

/** Narrows a value to a `TeamSubmission` when it has no issues. */
export function isValidTeam(team: unknown): team is TeamSubmission {
  return validateTeam(team).length === 0;
}

/**
 * Checks the member list into `issues`; returns the person ids of the members with a usable email, or `undefined`
 * when there is no member list to check coordinators against (one issue says so; six more would only repeat it).
 */
function memberIssues(members: unknown, issues: TeamIssue[]): Set<string> | undefined {
  if (members === undefined || members === null) {
    issues.push({ path: 'members', message: 'daftar anggota Tim Kerja belum diisi' });
    return undefined;
  }
  if (!Array.isArray(members)) {
    issues.push({ path: 'members', message: 'daftar anggota Tim Kerja harus berupa daftar' });
    return undefined;
  }
  if (members.length === 0) {
    issues.push({ path: 'members', message: 'Tim Kerja belum memiliki anggota' });
    return undefined;
  }
  const ids = new Set<string>();
  if (members.length > maxTeamMembers) {
    issues.push({
      path: 'members',
      message: `Tim Kerja paling banyak ${maxTeamMembers} orang (diisi ${members.length})`,
    });
  }
  const firstWithId = new Map<string, number>();
  let ketua: number | undefined;
  let anggota = 0;
  for (let index = 0; index < members.length; index++) {
    const member: unknown = members[index];
    const path = `members.${index}`;
    const who = `anggota ke-${index + 1}`;
    if (!isRecord(member)) {
      issues.push({ path, message: `data ${who} tidak valid (perlu nama, email dan peran)` });
      continue;
    }
    const name = typeof member.name === 'string' ? member.name.trim() : '';
    if (name === '') {
      issues.push({ path: `${path}.name`, message: `nama ${who} belum diisi` });
    } else if (name.length > maxMemberNameLength) {
      issues.push({
        path: `${path}.name`,
        message: `nama ${who} terlalu panjang (paling banyak ${maxMemberNameLength} karakter)`,
      });
    }
    const email = typeof member.email === 'string' ? member.email.trim() : '';
    if (email === '') {
      issues.push({ path: `${path}.email`, message: `email ${who} belum diisi` });
    } else if (!emailPattern.test(email)) {
      issues.push({ path: `${path}.email`, message: `email ${who} (${email}) tidak valid` });
    } else {
      const id = personIdOf(email);
      const first = firstWithId.get(id);
      if (first === undefined) {
        firstWithId.set(id, index);
        ids.add(id);
      } else {
        issues.push({
          path: `${path}.email`,
          message: `email ${who} (${email}) sudah dipakai anggota ke-${first + 1}`,
        });
      }
    }
    if (member.role === 'ketua_tim') {
      if (ketua === undefined) ketua = index;
      else {
        issues.push({
          path: `${path}.role`,
          message: `Tim Kerja hanya boleh memiliki satu ketua; anggota ke-${ketua + 1} sudah menjadi ketua`,
        });
      }
    } else if (member.role === 'anggota_tim') {
      anggota++;
    } else {
      issues.push({
        path: `${path}.role`,
        message:
          member.role === undefined || member.role === null || member.role === ''
            ? `peran ${who} belum diisi`
            : `peran ${who} ${JSON.stringify(member.role)} tidak dikenal ` + `(pilih ketua_tim atau anggota_tim)`,
      });
    }
  }
  if (ketua === undefined) {
    issues.push({ path: 'members', message: `Tim Kerja belum memiliki ${roleLabels.ketua_tim}` });
  }
  if (anggota === 0) {
    issues.push({ path: 'members', message: `Tim Kerja belum memiliki ${roleLabels.anggota_tim}` });
  }
  return ids;
}

/**
 * Checks the coordinators into `issues`: unknown areas first (in the order given), then the six areas in LKE order.
 * Membership is checked only against a usable member list (`memberIds`).
 */
function coordinatorIssues(
  coordinators: unknown,
  memberIds: ReadonlySet<string> | undefined,
  issues: TeamIssue[],
): void {
  if (coordinators !== undefined && coordinators !== null && !isRecord(coordinators)) {
    issues.push({ path: 'coordinators', message: 'koordinator area harus diisi per area' });
    return;
  }
  // A missing object is six missing coordinators: each field the form shows gets its own message.
  const given = coordinators ?? {};
  for (const key of Object.keys(given)) {
    if (!isAreaCode(key)) issues.push({ path: `coordinators.${key}`, message: `area "${key}" tidak dikenal` });
  }
  for (const area of areaCodes) {
    const path = `coordinators.${area}`;
    const label = areaNames[area];
    const email: unknown = Object.hasOwn(given, area) ? given[area] : undefined;
    if (email === undefined || email === null || (typeof email === 'string' && email.trim() === '')) {
      issues.push({ path, message: `koordinator area ${label} belum ditunjuk` });
    } else if (typeof email !== 'string') {
      issues.push({ path, message: `koordinator area ${label} harus diisi dengan email anggota Tim Kerja` });
    } else if (memberIds !== undefined && !memberIds.has(personIdOf(email))) {
      issues.push({ path, message: `koordinator area ${label} (${email.trim()}) bukan anggota Tim Kerja` });
    }
  }
}

/**
 * The people of one unit by role: `base` (pimpinan, admin_organisasi, penilai: known at launch) plus the team's
 * ketua and anggota. The team replaces any team roles in `base`, so re-applying a (re)submitted team to a roster
 * built earlier never keeps a member who was dropped.
 *
 * A person is one participant however many lists name them (merged by person id, the normalised email until
 * accounts exist), and their `roles` are every list they are in: a pimpinan who also chairs the team appears in
 * both lists with both roles, which is what the task rules check. Where two lists spell the name differently the
 * first one wins, `base` before the team. Lists keep their order (base as given, the team as submitted), roles
 * follow `roleCodes`, and empty lists are left out, so equal inputs give equal rosters.
 * Expects a team that passed `validateTeam`; members without an email or team role are skipped.
 */
export function teamRoster(team: TeamSubmission, base: Roster): Roster {
  const people = new Map<string, RosterPerson>();
  const lists = new Map<RoleCode, RosterPerson[]>();
  const add = (role: RoleCode, personId: string, name: string, email: string): void => {
    let person = people.get(personId);
    if (person === undefined) {
      person = { personId, name, email, roles: new Set() };
      people.set(personId, person);
    }
    person.roles.add(role);
    const list = lists.get(role) ?? [];
    if (!list.includes(person)) list.push(person);
    lists.set(role, list);
  };
  for (const role of roleCodes) {
    if (isTeamRole(role)) continue;
    for (const participant of base[role] ?? []) add(role, participant.personId, participant.name, participant.email);
  }
  for (const member of Array.isArray(team.members) ? team.members : []) {
    if (!isRecord(member) || typeof member.email !== 'string' || !isTeamRole(member.role)) continue;
    const email = member.email.trim();
    add(member.role, personIdOf(email), typeof member.name === 'string' ? member.name.trim() : '', email);
  }
  const roster: Roster = {};
  for (const role of roleCodes) {
    const list = lists.get(role);
    if (list === undefined) continue;
    // Fresh objects per list: a caller that edits one list's entry cannot change another's.
    roster[role] = list.map(({ personId, name, email, roles }) => ({
      personId,
      name,
      email,
      roles: roleCodes.filter((code) => roles.has(code)),
    }));
  }
  return roster;
}

interface RosterPerson {
  readonly personId: string;
  readonly name: string;
  readonly email: string;
  readonly roles: Set<RoleCode>;
}

/**
 * Who a task of the unit goes to. An anggota task of an area goes to that area's coordinator alone, so a pokja's
 * work lands on one desk instead of the whole team's; everything else (and an area whose coordinator is not in the
 * roster, e.g. a roster built before the team) goes to every holder of the assignee role. Empty when nobody
 * holds the role yet: the task is then open to whoever gets the role.
 */
export function assigneesFor(
  template: Pick<TaskTemplate, 'assigneeRole' | 'area'>,
  roster: Roster,
  team?: TeamSubmission,
): Participant[] {
  const holders = roster[template.assigneeRole] ?? [];
  if (template.assigneeRole !== 'anggota_tim' || template.area === undefined || team === undefined) {
    return [...holders];
  }
  const coordinator = coordinatorOf(team, template.area);
  if (coordinator === undefined) return [...holders];
  const personId = personIdOf(coordinator);
  // The coordinator may be the ketua: look in every list, the assignee role's own first.
  const lists = [holders, ...roleCodes.map((role) => roster[role] ?? [])];
  const found = lists.flat().find((participant) => participant.personId === personId);
  return found === undefined ? [...holders] : [found];
}

/** The areas a person coordinates, in LKE order: what their assignment email names ("Anda koordinator area …"). */
export function coordinatedAreas(team: TeamSubmission, email: string): AreaCode[] {
  const personId = personIdOf(email);
  return areaCodes.filter((area) => {
    const coordinator = coordinatorOf(team, area);
    return coordinator !== undefined && personIdOf(coordinator) === personId;
  });
}

function coordinatorOf(team: TeamSubmission, area: AreaCode): string | undefined {
  const coordinators: unknown = team.coordinators;
  if (!isRecord(coordinators) || !Object.hasOwn(coordinators, area)) return undefined;
  const email = coordinators[area];
  return typeof email === 'string' && email.trim() !== '' ? email : undefined;
}

function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === 'string' && (teamRoles as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
