import argon2 from 'argon2';
import { z } from 'zod';

export const minPasswordLength = 12;

/** A new password: long enough to resist guessing, bounded so hashing cannot be used to exhaust the CPU. */
export const newPasswordSchema = z
  .string()
  .min(minPasswordLength, `kata sandi minimal ${minPasswordLength} karakter`)
  .max(256, 'kata sandi maksimal 256 karakter');

/** argon2id with the library's defaults (OWASP's recommended parameters as of 0.4x). */
export const hashPassword = (password: string): Promise<string> => argon2.hash(password, { type: argon2.argon2id });

/** A hash of a password nobody has, verified when the email is unknown so both answers take as long. */
let decoy: Promise<string> | undefined;

/** Whether the password matches; without a stored hash it still spends the same time (no account enumeration). */
export async function passwordMatches(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hashPassword('decoy-password-nobody-has');
    await argon2.verify(await decoy, password).catch(() => false);
    return false;
  }
  return argon2.verify(storedHash, password).catch(() => false);
}
