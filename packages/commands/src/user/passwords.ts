/** Password hashing with argon2id (@node-rs/argon2's default variant and OWASP's minimum costs). */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Shortest password a user may choose. */
export const minPasswordLength = 12;

/** Hashes a password into a self-describing `$argon2id$…` string with a random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

let dummy: Promise<string> | undefined;

/** Prepares the dummy hash at start, so that the first unknown-user login takes no longer. */
export function prepareDummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(24).toString('base64'));
  return dummy;
}

/**
 * Checks a password against a stored hash. With no hash (an unknown user) it checks against a
 * dummy hash, so that an unknown name takes as long as a wrong password and cannot be told apart.
 */
export async function checkPassword(
  stored: string | undefined,
  password: string,
): Promise<boolean> {
  const against = stored ?? (await prepareDummyHash());
  try {
    const ok = await verify(against, password);
    return ok && stored !== undefined;
  } catch {
    return false;
  }
}
