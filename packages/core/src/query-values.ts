/** Small schemas for values that arrive as text: path and query strings, command-line options. */
import { z } from 'zod';

/** A whole number written in decimal, at least `min` (read from a path, query or option string). */
export function wholeNumber(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` });
}

/**
 * A whole number from `min` to `max`, given as a number or as decimal text (a query string or a
 * command-line option); parsing it twice gives the same number, as a command's input must.
 */
export function wholeNumberInput(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z
    .union([
      z.number(),
      z
        .string()
        .regex(/^\d{1,15}$/, 'must be a whole number')
        .transform(Number),
    ])
    .pipe(
      z
        .number()
        .int('must be a whole number')
        .min(min, `must be from ${min} to ${max}`)
        .max(max, `must be from ${min} to ${max}`),
    );
}

/** A yes/no given as a boolean or as the text `true`/`false` (a query string or an option). */
export function booleanInput() {
  return z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
}
