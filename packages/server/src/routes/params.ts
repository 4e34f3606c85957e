/** Small schemas for path and query values, which arrive as strings. */
import { z } from 'zod';

/** A whole number written in decimal, at least `min` (read from a path or query string). */
export function wholeNumber(min = 0, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be from ${min} to ${max}` });
}
