/** What a username and a password must look like; shared by the API and `corridor user add`. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { minPasswordLength } from './passwords.js';

/** A username: lower-case letters, digits, ".", "_" or "-", 2 to 64 characters. */
export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, ".", "_" or "-"');

/** A new password: long enough, not absurdly long (argon2 hashes any length, the body limit rules). */
export const NewPasswordSchema = z
  .string()
  .min(minPasswordLength, `must have at least ${minPasswordLength} characters`)
  .max(1000);

/** Checks a new account's name and password; throws `invalid-input` naming what is wrong. */
export function checkNewCredentials(username: string, password: string): void {
  for (const [what, parsed] of [
    ['the username', UsernameSchema.safeParse(username)],
    ['the password', NewPasswordSchema.safeParse(password)],
  ] as const) {
    if (!parsed.success)
      throw errors.invalidInput(`${what} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
}
