import { z } from 'zod';
import { roleCodes } from '../../domain/roles';
import { newPasswordSchema } from './passwords';

/** One-time tokens from email links: URL-safe, bounded; anything else fails validation before a lookup. */
const oneTimeToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'token tidak sah');
/** Session tokens: `<sessionId>.<secret>`, checked again by the session service. */
const sessionToken = z.string().regex(/^[A-Za-z0-9_.-]{20,200}$/, 'token tidak sah');

export const signInSchema = {
  body: z.strictObject({
    email: z.email().max(254),
    // Not the new-password rules: an old, shorter password must still get the same "wrong" answer, not a 400.
    password: z.string().min(1).max(256),
  }),
};

export const refreshSchema = { body: z.strictObject({ refreshToken: sessionToken }) };

export const signOutSchema = {
  body: z.strictObject({
    /** End every session of the account, on every device. */
    everywhere: z.boolean().optional(),
  }),
};

export const acceptInvitationSchema = {
  body: z.strictObject({
    token: oneTimeToken,
    password: newPasswordSchema,
    /** The name as the person wants it shown, if the inviter's spelling was off. */
    name: z.string().trim().min(1).max(200).optional(),
  }),
};

export const passwordResetSchema = { body: z.strictObject({ email: z.email().max(254) }) };

export const passwordResetConfirmSchema = {
  body: z.strictObject({ token: oneTimeToken, password: newPasswordSchema }),
};

export const signInLinkSchema = { body: z.strictObject({ token: oneTimeToken }) };

const grantSchema = z.object({ role: z.enum(roleCodes), unitCode: z.string().optional() });

export const meSchema = z
  .object({
    person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
    grants: z.array(grantSchema),
    /** Roles held across the whole instansi (admin_organisasi, pengamat). */
    instansiRoles: z.array(z.enum(roleCodes)),
    /** The roles held in each unit the person has a grant in, instansi-wide roles included. */
    unitRoles: z.record(z.string(), z.array(z.enum(roleCodes))),
  })
  .meta({ id: 'Me' });

export const sessionTokensSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    expiresIn: z.number().int(),
    refreshToken: z.string(),
    refreshExpiresIn: z.number().int(),
  })
  .meta({ id: 'SessionTokens' });

export const signedInSchema = sessionTokensSchema.extend({ me: meSchema }).meta({ id: 'SignedIn' });

export const signedInByLinkSchema = signedInSchema
  .extend({ taskId: z.string().describe('Tugas yang dituju tautan') })
  .meta({ id: 'SignedInByLink' });

export type SignInBody = z.infer<typeof signInSchema.body>;
export type AcceptInvitationBody = z.infer<typeof acceptInvitationSchema.body>;
export type PasswordResetConfirmBody = z.infer<typeof passwordResetConfirmSchema.body>;
