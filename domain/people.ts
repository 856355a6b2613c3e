/**
 * A person as the lifecycle needs them: to decide (the roles they hold in one unit) and to write to.
 * Until accounts exist (the API issue), a person's id is their normalised email address.
 */
import type { RoleCode } from './roles';
import type { Actor } from './task';

export interface Participant extends Actor {
  name: string;
  email: string;
}

/** The stand-in id of a person known only by email: trimmed and lower-cased, so the same inbox is one person. */
export function personIdOf(email: string): string {
  return email.trim().toLowerCase();
}

/** A person known by name and email (a unit head, Bagian Organisasi, TPI) holding one role. */
export function participantOf(person: { name: string; email: string }, role: RoleCode): Participant {
  return { personId: personIdOf(person.email), roles: [role], name: person.name, email: person.email };
}
