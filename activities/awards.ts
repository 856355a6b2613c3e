import { participantOf, type Participant } from '../domain/people';
import type { RoleCode } from '../domain/roles';
import { appendAuditEvent } from './audit';
import type { AccountModel } from './models/account.model';
import type { Models } from './models';

/**
 * The people who hold roles in a unit, read from the accounts (grants follow the lifecycle: a launch grants pimpinan
 * and penilai, the approved Tim Kerja its team roles). Only grants in the unit count: Bagian Organisasi is named by
 * the cycle (its launcher), not by every instansi-wide account. Deactivated accounts are left out: they can neither
 * act nor need to be told. Filtered here rather than in the query: the database may not run `$elemMatch`.
 */
export async function unitPeople<R extends RoleCode>(
  Account: AccountModel,
  unitCode: string,
  roles: readonly R[],
): Promise<Record<R, Participant[]>> {
  const accounts = await Account.find(
    { 'grants.unitCode': unitCode, status: { $ne: 'deactivated' } },
    { email: 1, name: 1, grants: 1 },
  )
    .sort({ _id: 1 })
    .lean();
  const found = Object.fromEntries(roles.map((role) => [role, [] as Participant[]])) as Record<R, Participant[]>;
  for (const account of accounts) {
    for (const role of roles) {
      if (account.grants.some((grant) => grant.role === role && grant.unitCode === unitCode)) {
        found[role].push(participantOf({ name: account.name, email: account.email }, role));
      }
    }
  }
  return found;
}

/**
 * Activities of the pemantauan workflow: who monitors a round (looked up when it opens, so a TPI change since the
 * award counts) and the audit trail of the rounds.
 */
export function createAwardActivities(deps: { models: Pick<Models, 'Account' | 'AuditEvent'> }) {
  const { Account, AuditEvent } = deps.models;
  return {
    /** The penilai (TPI) of the unit, who do the round. */
    async pemantauanPenilai(input: { unitCode: string }): Promise<Participant[]> {
      return (await unitPeople(Account, input.unitCode, ['penilai'])).penilai;
    },

    /** One audit event per round started or plan stopped, keyed by the workflow and round (a retry records once). */
    async recordPemantauan(input: {
      workflowId: string;
      cycleId: string;
      unitCode: string;
      key: string;
      type: 'pemantauan_started' | 'pemantauan_stopped';
      by: string;
      at: string;
      note?: string;
    }): Promise<void> {
      await appendAuditEvent(
        AuditEvent,
        `${input.workflowId}#${input.key}`,
        { entity: 'unit', entityId: input.workflowId, cycleId: input.cycleId, unitCode: input.unitCode },
        { type: input.type, by: input.by, at: input.at, ...(input.note ? { note: input.note } : {}) },
      );
    },
  };
}
