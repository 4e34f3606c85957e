/**
 * Special places on board (issue 22 item 5): stretchers, wheelchair places, infant places and
 * escorts, declared per movement and needed per passenger, so the timetable never books more
 * people needing one than the movement can take.
 */
import { z } from 'zod';

/** The kinds of special place a movement may declare. */
export const specialSeatKinds = ['stretcher', 'wheelchair', 'infant', 'escort'] as const;
export type SpecialSeatKind = (typeof specialSeatKinds)[number];

/** Places of each kind (or, for a case, passengers needing one); a kind left out sets no limit. */
export type SpecialSeats = Partial<Record<SpecialSeatKind, number>>;

const places = z.number().int().min(0).max(1000);

/** A movement's special places: each kind optional, whole numbers; unknown kinds are refused. */
export const SpecialSeatsSchema = z
  .object({
    stretcher: places.optional().describe('stretcher places (serious medical, severity 3)'),
    wheelchair: places.optional().describe('wheelchair places (disability, severity 2 or 3)'),
    infant: places.optional().describe('infant places (under two: bassinet or infant belt)'),
    escort: places.optional().describe('escorts on board (a stretcher case or a separated child)'),
  })
  .strict();

/** What one passenger needs on board, from their specific needs and birth year. */
export interface SeatNeedInput {
  needs: readonly { code: string; severity: number }[];
  birthYear: number | null;
}

/**
 * The special places one person needs when travelling in `travelYear`: a stretcher for a serious
 * medical condition of severity 3 (with an escort), a wheelchair place for a disability of
 * severity 2 or more, an infant place when born in the travel year or the year before (birth
 * years only are known to planning, so "under two" is counted by year), and an escort for an
 * unaccompanied or separated child.
 */
export function seatNeedsOf(p: SeatNeedInput, travelYear: number): SpecialSeats {
  const has = (code: string, severity: number) =>
    p.needs.some((n) => n.code === code && n.severity >= severity);
  const out: SpecialSeats = {};
  const stretcher = has('SM', 3);
  if (stretcher) out.stretcher = 1;
  else if (has('DS', 2)) out.wheelchair = 1;
  if (p.birthYear !== null && p.birthYear >= travelYear - 1) out.infant = 1;
  if (stretcher || has('SC', 1)) out.escort = 1;
  return out;
}

/** The sum of several passengers' needs (a household's). */
export function addSeatNeeds(all: readonly SpecialSeats[]): SpecialSeats {
  const out: SpecialSeats = {};
  for (const one of all)
    for (const k of specialSeatKinds) if (one[k]) out[k] = (out[k] ?? 0) + one[k];
  return out;
}

/** A short text of places or needs, e.g. "2 stretcher, 1 escort" ('' when none). */
export function specialSeatsText(s: SpecialSeats | null | undefined): string {
  if (!s) return '';
  return specialSeatKinds
    .filter((k) => s[k] !== undefined)
    .map((k) => `${s[k]} ${k}`)
    .join(', ');
}
