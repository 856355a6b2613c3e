import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable secret (256 bits), URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** The form secrets are stored in: sha256, hex. A token is a random secret, so a plain fast hash is enough. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** `<id>.<secret>` → its parts, or undefined for anything else (never throws on hostile input). */
export function splitToken(token: string): { id: string; secret: string } | undefined {
  const match = /^([A-Za-z0-9_-]{10,64})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}
