/** The candidate-movements capability: offers the timetable may book (issue 21 item 2). */
import type { CandidateMovement } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A candidate as it is added: not booked yet. */
export type NewCandidate = Omit<CandidateMovement, 'status' | 'bookedMovementId' | 'bookedDay'>;

/** A booking a saved plan makes: the candidate, the day chosen, the movement it becomes. */
export interface CandidateBooking {
  id: string;
  day: string;
  movementId: string;
}

/** Candidate movements of one operation. */
export interface CandidateStore {
  /** Stores a candidate (the `candidate.add` command checks it first); audited. */
  add(candidate: NewCandidate, actor: Actor): Promise<void>;
  /** Every candidate, by earliest day then id. */
  list(): Promise<CandidateMovement[]>;
  /** One candidate. */
  get(id: string): Promise<CandidateMovement | undefined>;
  /** Removes a candidate not booked yet; audited. False when there was none to remove. */
  remove(id: string, actor: Actor): Promise<boolean>;
  /**
   * Marks candidates booked (in the caller's transaction, with the plan that chose them); refused
   * if one is gone or booked already, so a candidate is never used twice.
   */
  book(bookings: readonly CandidateBooking[], actor: Actor): Promise<void>;
}
