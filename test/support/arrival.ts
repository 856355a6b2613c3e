import type { Express } from 'express';
import request from 'supertest';
import { personIdOf } from '../../domain/people';
import { messagesTo, readMessage, type MailSummary } from './mailbox';
import { eventually } from './wait';

/** A person signed in through the API: the id the system derives from their email, and their access token. */
export interface ArrivedPerson {
  name: string;
  email: string;
  id: string;
  token: string;
  /** What `/auth/me` said at sign-in: the roles the system gave them, per unit. */
  unitRoles: Record<string, string[]>;
}

/** The newest email to `to` whose subject starts with `subject`, once it has arrived. */
export const mailTo = (to: string, subject: string, timeoutMs = 30_000): Promise<MailSummary> =>
  eventually(async () => (await messagesTo(to)).find((message) => message.Subject.startsWith(subject)), {
    timeoutMs,
    what: `an email "${subject}…" to ${to}`,
  });

/**
 * A person the system invited (a unit head or TPI named at launch, a Tim Kerja member once the team is approved)
 * arrives as they would: reads the invitation email and sets a password through its single-use link, which signs
 * them in. No grant is written by the test: whatever roles they hold, the system gave them.
 */
export async function arrives(
  app: Express,
  person: { name: string; email: string },
  password: string,
): Promise<ArrivedPerson> {
  const invitation = await mailTo(person.email, 'Undangan ZI Orchestrator');
  const { Text } = await readMessage(invitation.ID);
  const token = /\/undangan\?token=([A-Za-z0-9_-]+)/.exec(Text)?.[1];
  if (!token) throw new Error(`no /undangan link in "${invitation.Subject}" to ${person.email}`);
  const accepted = await request(app).post('/api/v1/auth/invitations/accept').send({ token, password });
  if (accepted.status !== 200) {
    throw new Error(
      `${person.email} could not accept the invitation: ${accepted.status} ${JSON.stringify(accepted.body)}`,
    );
  }
  const body = accepted.body as { accessToken: string; me: { unitRoles: Record<string, string[]> } };
  return { ...person, id: personIdOf(person.email), token: body.accessToken, unitRoles: body.me.unitRoles };
}
