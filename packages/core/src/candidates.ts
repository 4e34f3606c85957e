/**
 * Candidate movements (issue 21 item 2): offers of a charter, scheduled seats or a convoy slot
 * that the timetable may book on one day of a window, at a cost, given enough notice.
 */
import { z } from 'zod';
import { currencyDecimals, formatMoney, isCurrency } from './currencies.js';
import { IdSchema, IsoDateSchema, MovementSchema } from './schemas.js';
import { addDays, daysBetween, isoOffsetOf, toZonedIso, type IsoDate } from './units.js';

/** Where a candidate stands: still an offer, or booked as a planned movement by a saved plan. */
export const candidateStatuses = ['candidate', 'booked'] as const;

/** A movement the plan may choose: when (a window), how many seats, what it costs, how much notice. */
export const CandidateMovementSchema = z.object({
  id: IdSchema,
  kind: MovementSchema.shape.kind,
  destinationId: IdSchema.nullable(),
  seats: z.number().int().min(1, 'must be at least 1'),
  baggageKg: z.number().int().min(0),
  /** First and last day it may depart (the camp's calendar). */
  earliestDay: IsoDateSchema,
  latestDay: IsoDateSchema,
  /** Local departure time on the day chosen, HH:MM in the operation's time zone. */
  departTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM'),
  /** The cost of using it, in minor units of `currency`. */
  costMinor: z.number().int().min(0),
  currency: z.string().refine(isCurrency, { message: 'must be an ISO 4217 currency code' }),
  /** Days of notice the provider needs before departure. */
  leadTimeDays: z.number().int().min(0).max(365),
  status: z.enum(candidateStatuses),
  /** The movement it became, and the day chosen, once booked. */
  bookedMovementId: IdSchema.nullable(),
  bookedDay: IsoDateSchema.nullable(),
});
export type CandidateMovement = z.infer<typeof CandidateMovementSchema>;

/** The first day a candidate can depart when booked on `asOf`: its window opens, notice is given. */
export function firstBookableDay(
  c: Pick<CandidateMovement, 'earliestDay' | 'leadTimeDays'>,
  asOf: IsoDate,
): IsoDate {
  const notice = addDays(asOf, c.leadTimeDays);
  return notice > c.earliestDay ? notice : c.earliestDay;
}

/** The days a candidate may depart on, booked on `asOf` (empty when the window is out of reach). */
export function bookableDays(
  c: Pick<CandidateMovement, 'earliestDay' | 'latestDay' | 'leadTimeDays'>,
  asOf: IsoDate,
): IsoDate[] {
  const first = firstBookableDay(c, asOf);
  const n = daysBetween(first, c.latestDay);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(first, i));
}

/**
 * Everything wrong with a new candidate, each as `field reason`: no seats, a window that ends
 * before it starts, a lead time that leaves no day of the window bookable from `asOf`, a cost
 * in another currency than the operation's other candidates.
 */
export function candidateProblems(
  c: Pick<
    CandidateMovement,
    'seats' | 'earliestDay' | 'latestDay' | 'leadTimeDays' | 'currency' | 'costMinor'
  >,
  asOf: IsoDate,
  currencyInUse: string | undefined,
): string[] {
  const problems: string[] = [];
  if (c.seats <= 0) problems.push(`seats must be at least 1, not ${c.seats}`);
  if (c.latestDay < c.earliestDay)
    problems.push(`latestDay ${c.latestDay} is before earliestDay ${c.earliestDay}`);
  else if (firstBookableDay(c, asOf) > c.latestDay)
    problems.push(
      `leadTimeDays ${c.leadTimeDays}: booked on ${asOf}, it could depart on ${addDays(asOf, c.leadTimeDays)} at the earliest, after the window's last day ${c.latestDay}`,
    );
  if (currencyInUse && c.currency !== currencyInUse)
    problems.push(
      `currency ${c.currency} differs from the other candidates' ${currencyInUse} (one currency per operation, so costs add up)`,
    );
  return problems;
}

/** A candidate's cost as people read it, e.g. `120,000.00 USD`. */
export function candidateCostText(c: Pick<CandidateMovement, 'costMinor' | 'currency'>): string {
  return formatMoney(c.costMinor, c.currency);
}

/** Minor units to major units as a number (for reports): 12000050 USD → 120000.5. */
export function toMajorUnits(minor: number, currency: string): number {
  return minor / 10 ** currencyDecimals(currency);
}

/** Minutes east of UTC of an offset `Z` or `±HH:MM`. */
function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The departure of a booked candidate: its local time on `day` in `timeZone`, ISO 8601 with offset. */
export function candidateDepartAt(day: string, time: string, timeZone: string): string {
  const asUtc = Date.parse(`${day}T${time}:00Z`);
  let instant = asUtc;
  // Twice: the offset at the guessed instant may differ from the offset at the true one (DST).
  for (let i = 0; i < 2; i++)
    instant = asUtc - offsetMinutes(isoOffsetOf(toZonedIso(new Date(instant), timeZone))) * 60_000;
  return toZonedIso(new Date(instant), timeZone);
}
