/**
 * What check-in answers (M6), declared once: the CLI's `--json`, the API and the web read these
 * shapes (the web by type only).
 */
import { z } from 'zod';
import { CheckinEventSchema, CheckinStateSchema } from './checkin.js';
import { checkinStatuses } from './checkin-status.js';
import { personal } from './redact-output.js';

/** A person's status on the desk: a recorded one, booked (nothing yet) or conflict. */
export const CheckinRowStatusSchema = z.enum([...checkinStatuses, 'booked', 'conflict']);

/** One person on a movement, as the check-in desk sees them. */
export const CheckinRowSchema = z.object({
  movementId: z.string(),
  householdId: z.string(),
  personId: z.string(),
  isHead: z.boolean(),
  /** booked: nothing recorded yet; conflict: stations disagree. */
  status: CheckinRowStatusSchema,
  station: z.string().nullable(),
  at: z.string().nullable(),
});
/** One person on a movement, as the check-in desk sees them. */
export type CheckinRow = z.infer<typeof CheckinRowSchema>;

/** A desk row with the person's name, for roles that may see names. */
export const CheckinDeskPersonSchema = CheckinRowSchema.extend({
  name: personal(
    'name',
    z
      .string()
      .describe('"Given Family", or null when your role may not see names or they were erased'),
  ),
});
/** A desk row with the person's name (null when hidden or erased). */
export type CheckinDeskPerson = z.infer<typeof CheckinDeskPersonSchema>;

/** Seats and people of a movement on the day; no-shows free their seats for re-planning. */
export const CheckinSummarySchema = z.object({
  movementId: z.string(),
  seats: z.number().int(),
  households: z.number().int(),
  booked: z.number().int(),
  pending: z.number().int(),
  checkedIn: z.number().int(),
  boarded: z.number().int(),
  noShow: z.number().int(),
  arrived: z.number().int(),
  conflicts: z.number().int(),
  /** Seats not taken: seats − (booked − no-shows). */
  seatsFree: z.number().int(),
  /** The no-shows, whose seats re-planning may give to others. */
  noShows: z.array(z.object({ personId: z.string(), householdId: z.string() })),
});
/** Seats and people of a movement on the day. */
export type MovementCheckinSummary = z.infer<typeof CheckinSummarySchema>;

/** A workflow move of a household that check-in caused, or why it did not happen. */
export const HouseholdMoveSchema = z.object({
  householdId: z.string(),
  from: z.string(),
  to: z.string(),
  done: z.boolean(),
  reason: z.string().optional(),
});
/** A workflow move of a household that check-in caused. */
export type HouseholdMove = z.infer<typeof HouseholdMoveSchema>;

/** A person whose status stations disagree on, with each station's latest record. */
export const CheckinConflictSchema = z.object({
  movementId: z.string(),
  personId: z.string(),
  householdId: z.string().nullable(),
  records: z.array(CheckinEventSchema),
});
/** A person whose status stations disagree on. */
export type CheckinConflict = z.infer<typeof CheckinConflictSchema>;

/**
 * What recording or deciding did. `status` is the person's agreed status (the API's name);
 * `state` is the whole state, kept for the CLI's `--json` (its older name).
 */
export const CheckinResultSchema = z.object({
  event: CheckinEventSchema,
  status: z.enum(checkinStatuses).nullable(),
  state: CheckinStateSchema,
  householdMoves: z.array(HouseholdMoveSchema),
});
/** What recording or deciding did. */
export type CheckinResult = z.infer<typeof CheckinResultSchema>;

/** What a merge did: every record kept, conflicts listed for a decision. */
/**
 * A boarding a merged log recorded apart from the rest of the household (an older device, or a
 * log file, did not apply the boarding safeguard): it is kept, as every merged record is, and
 * listed for a protection officer to follow up.
 */
export const BoardedApartSchema = z.object({
  movementId: z.string(),
  householdId: z.string(),
  personId: z.string(),
  /** The members booked on the movement who were not checked in or boarded, and their state. */
  apart: z.array(z.object({ personId: z.string(), status: z.string() })),
});
/** A merged boarding of part of a household. */
export type BoardedApart = z.infer<typeof BoardedApartSchema>;

export const MergeResultSchema = z.object({
  received: z.number().int(),
  added: z.number().int(),
  alreadyHad: z.number().int(),
  stations: z.array(z.string()),
  conflicts: z.array(CheckinConflictSchema),
  householdMoves: z.array(HouseholdMoveSchema),
  boardedApart: z.array(BoardedApartSchema),
});
/** What a merge did. */
export type MergeResult = z.infer<typeof MergeResultSchema>;
