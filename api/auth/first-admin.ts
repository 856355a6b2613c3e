import type { Models } from '../../activities/models';
import { personIdOf } from '../../domain/people';
import { recordChange } from '../audit-trail';
import { describe, insertAccountIfMissing } from './accounts';
import { hashPassword, newPasswordSchema } from './passwords';

/** Who creates the first admin in the audit trail: the system, from its configuration or the CLI. */
export const bootstrapActor = 'sistem';

export interface FirstAdmin {
  email: string;
  name: string;
  password: string;
}

/**
 * Creates an active instansi-wide admin_organisasi account with this password, unless the email already has an
 * account: an existing account (and its password) is never changed, so restarting with the variables still set is
 * harmless. Shared by the API's start-up (ZI_ADMIN_*) and `npm run admin`.
 */
export async function ensureFirstAdmin(
  deps: { models: Pick<Models, 'Account' | 'AuditEvent'>; now?: () => Date },
  admin: FirstAdmin,
): Promise<{ personId: string; created: boolean }> {
  const personId = personIdOf(admin.email);
  const password = newPasswordSchema.parse(admin.password);
  if (await deps.models.Account.exists({ _id: personId })) return { personId, created: false };
  const grants = [{ role: 'admin_organisasi' as const }];
  const created = await insertAccountIfMissing(deps.models.Account, {
    personId,
    email: admin.email.trim(),
    name: admin.name.trim(),
    status: 'active',
    passwordHash: await hashPassword(password),
    grants,
  });
  if (created) {
    await recordChange(
      deps.models.AuditEvent,
      bootstrapActor,
      { entity: 'person', entityId: personId, type: 'first_admin_created', to: describe(grants) },
      deps.now?.() ?? new Date(),
    );
  }
  return { personId, created };
}
