/**
 * Who hears of a slipping task when the policy names a role nobody holds yet: the next one up the line. Before a unit
 * has its Tim Kerja there is no ketua tim, so an escalation meant for the ketua goes to the unit's pimpinan, and one
 * for a pimpinan a unit lacks goes to Bagian Organisasi; an escalation is never silently dropped while someone above
 * could act.
 */
import type { Participant } from './people';
import type { RoleCode } from './roles';

/** The line of escalation, lowest first. */
export const escalationLine: readonly RoleCode[] = ['ketua_tim', 'pimpinan', 'admin_organisasi'];

export function escalationRecipients(
  contacts: Partial<Record<RoleCode, readonly Participant[]>> | undefined,
  role: RoleCode,
): Participant[] {
  const named = contacts?.[role] ?? [];
  if (named.length > 0) return [...named];
  const position = escalationLine.indexOf(role);
  if (position < 0) return [];
  for (const higher of escalationLine.slice(position + 1)) {
    const people = contacts?.[higher] ?? [];
    if (people.length > 0) return [...people];
  }
  return [];
}
