/** The check-in capability (M6): per-station append-only logs, merged without losing records. */
import type { CheckinEvent, CheckinState, CheckinStatus } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** One person on a movement, as the check-in desk sees them. */
export interface CheckinRow {
  movementId: string;
  householdId: string;
  personId: string;
  isHead: boolean;
  /** booked: nothing recorded yet; conflict: stations disagree. */
  status: CheckinStatus | 'booked' | 'conflict';
  station: string | null;
  at: string | null;
}

/** Seats and people of a movement on the day; no-shows free their seats for re-planning. */
export interface MovementCheckinSummary {
  movementId: string;
  seats: number;
  households: number;
  booked: number;
  pending: number;
  checkedIn: number;
  boarded: number;
  noShow: number;
  arrived: number;
  conflicts: number;
  /** Seats not taken: seats − (booked − no-shows). */
  seatsFree: number;
  /** The no-shows, whose seats re-planning may give to others. */
  noShows: { personId: string; householdId: string }[];
}

/** A workflow move of a household that check-in caused, or why it did not happen. */
export interface HouseholdMove {
  householdId: string;
  from: string;
  to: string;
  done: boolean;
  reason?: string;
}

/** A person whose status stations disagree on, with each station's latest record. */
export interface CheckinConflict {
  movementId: string;
  personId: string;
  householdId: string | null;
  records: CheckinEvent[];
}

/** What recording or deciding did. */
export interface CheckinResult {
  event: CheckinEvent;
  state: CheckinState;
  householdMoves: HouseholdMove[];
}

/** A station's log as a file, to carry to another station. */
export interface CheckinLog {
  format: 'corridor-checkin-log';
  version: 1;
  operation: string;
  /** The station whose records these are (null: every station's). */
  station: string | null;
  exportedAt: string;
  /** SHA-256 of the events as JSON, to catch damaged files. */
  sha256: string;
  events: CheckinEvent[];
}

/** What a merge did: every record kept, conflicts listed for a decision. */
export interface MergeResult {
  received: number;
  added: number;
  alreadyHad: number;
  stations: string[];
  conflicts: CheckinConflict[];
  householdMoves: HouseholdMove[];
}

/** A new check-in record. */
export interface CheckinInput {
  movementId: string;
  personId: string;
  status: CheckinStatus;
  /** The recording station (default: this database's own station id). */
  station?: string;
  note?: string;
}

/** Check-in for the movements of one operation. */
export interface CheckinStore {
  /** This database's own station id (made up once, on first use). */
  station(): Promise<string>;
  /** Appends a record to a station's log; refused while stations disagree about the person. */
  record(input: CheckinInput, actor: Actor): Promise<CheckinResult>;
  /** Everyone booked on a movement with their status, households together. */
  list(movementId: string): Promise<CheckinRow[]>;
  /** Counts and freed seats of a movement. */
  summary(movementId: string): Promise<MovementCheckinSummary>;
  /** Records, by station and sequence. */
  events(filter?: { movementId?: string; station?: string }): Promise<CheckinEvent[]>;
  /** A station's records (or every station's) as a log to merge elsewhere. */
  exportLog(station?: string): Promise<CheckinLog>;
  /** Adds another station's records; both sides' records survive, disagreements become conflicts. */
  merge(log: unknown, actor: Actor): Promise<MergeResult>;
  /** Persons whose status stations disagree on. */
  conflicts(movementId?: string): Promise<CheckinConflict[]>;
  /** Decides a conflict with a new record that supersedes the disagreeing ones. */
  resolve(input: CheckinInput & { note: string }, actor: Actor): Promise<CheckinResult>;
}
