/**
 * What a desk may type about one person when adding or correcting them by hand (issue 22): the
 * field schemas, whose messages name the rule and never echo the value typed.
 */
import { z } from 'zod';
import { needCodes, type NeedCode } from './needs.js';
import { IsoDateSchema } from './schemas.js';
import type { IsoDate } from './units.js';

/** The person fields a hand edit may change; audit and case history name these, never values. */
export const editablePersonFields = [
  'givenName',
  'familyName',
  'sex',
  'birthDate',
  'needs',
] as const;
/** One editable person field. */
export type EditablePersonField = (typeof editablePersonFields)[number];

/** A given or family name: trimmed, not empty. */
export const PersonNameInput = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must have at most 200 characters');

/** The sex code, F, M or X, in either case (`--sex f`); stored upper-case. */
export const SexInput = z
  .enum(['F', 'M', 'X', 'f', 'm', 'x'], {
    error: 'must be F (female), M (male) or X (another or not known)',
  })
  .transform((s) => s.toUpperCase() as 'F' | 'M' | 'X');

/** A birth date `YYYY-MM-DD`, not before 1900; the command checks it is not in the future. */
export const BirthDateInput = IsoDateSchema.refine((d) => d >= '1900-01-01', {
  message: 'must be 1900-01-01 or later',
});

/** One specific need: a UNHCR code and a severity 1 (low) to 3 (high), 1 when left out. */
export const NeedInput = z.object({
  code: z.enum(needCodes as [NeedCode, ...NeedCode[]], {
    error: `must be a UNHCR specific-needs code (${needCodes.join(', ')})`,
  }),
  severity: z.number().int().min(1).max(3).default(1),
});

/** A person's whole list of specific needs, each code at most once. */
export const NeedsInput = z
  .array(NeedInput)
  .max(needCodes.length)
  .refine((needs) => new Set(needs.map((n) => n.code)).size === needs.length, {
    message: 'lists a need code twice',
  });

/** The last date that is not yet in the future anywhere on earth at `now` (the zone UTC+14). */
export function latestBirthDate(now: Date): IsoDate {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10) as IsoDate;
}

/** Why `birthDate` cannot be right at `now`, or null: a birth date is never in the future. */
export function birthDateProblem(birthDate: string | null | undefined, now: Date): string | null {
  if (!birthDate) return null;
  const latest = latestBirthDate(now);
  return birthDate > latest ? `must not be in the future (latest ${latest})` : null;
}
