/** Numbers as inputs: a JSON number, or the same number written out (a path, a query, a flag). */
import { z } from 'zod';

/** A decimal number from `min` to `max`, given as a number or as text such as `0.05`. */
export function decimal(min: number, max: number, what = 'a decimal number') {
  return z
    .union([
      z.number(),
      z
        .string()
        .regex(/^-?\d{0,9}(\.\d{1,9})?$/, `must be ${what}`)
        .transform(Number),
    ])
    .refine((n) => Number.isFinite(n) && n >= min && n <= max, {
      message: `must be from ${min} to ${max}`,
    });
}

/** A whole number from `min` to `max`, given as a number or as decimal digits. */
export function whole(min: number, max: number) {
  return z
    .union([
      z.number().int('must be a whole number'),
      z
        .string()
        .regex(/^\d{1,15}$/, 'must be a whole number')
        .transform(Number),
    ])
    .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` });
}
