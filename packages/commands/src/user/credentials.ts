/** What a username and a password must look like; shared by the API and `corridor user add`. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { minPasswordLength } from './passwords.js';

/** A username: lower-case letters, digits, ".", "_" or "-", 2 to 64 characters. */
export const UsernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'must be 2–64 lower-case letters, digits, ".", "_" or "-"');

/**
 * A new password: long enough, not absurdly long (argon2 hashes any length, the body limit rules),
 * and not on the list of common and breached passwords.
 */
export const NewPasswordSchema = z
  .string()
  .min(minPasswordLength, `must have at least ${minPasswordLength} characters`)
  .max(1000)
  .refine((p) => !isCommonPassword(p), {
    error: () =>
      `is too common: it is on a list of ${commonPasswordCount().toLocaleString('en')} passwords seen in breaches (or made of two of them); choose another, e.g. four unrelated words`,
  });

/** Checks a new password alone; throws `invalid-input` naming `field` and the reason. */
export function checkNewPassword(password: string, field = 'the password'): void {
  const parsed = NewPasswordSchema.safeParse(password);
  if (!parsed.success)
    throw errors.invalidInput(`${field} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
}

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
