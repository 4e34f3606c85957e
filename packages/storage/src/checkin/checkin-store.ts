/**
 * The check-in capability (M6): per-station append-only logs and who is booked on a movement.
 * Storage only stores and reads; the rules (who may record what, when a household moves on, how
 * a merge is checked) are the `checkin.*` commands'.
 */
import type { CheckinEvent, CheckinRow, CheckinStatus } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

export type {
  CheckinConflict,
  CheckinLog,
  CheckinResult,
  CheckinRow,
  HouseholdMove,
  MergeResult,
  MovementCheckinSummary,
} from '@corridor/core';

/** A record to append to a station's log; storage gives it the station's next number. */
export interface NewCheckinRecord {
  movementId: string;
  personId: string;
  status: CheckinStatus;
  /** The recording station (default: this database's own station id). */
  station?: string;
  note: string | null;
  /** For a decision: the last record of each station that it settles. */
  supersedes: Record<string, number> | null;
}

/** A person as check-in needs them: their household and whether they were merged away. */
export interface CheckinPerson {
  personId: string;
  householdId: string;
  mergedInto: string | null;
}

/** An active member of a household, head first. */
export interface HouseholdMember {
  personId: string;
  householdId: string;
  isHead: boolean;
}

/** Check-in records of one operation. */
export interface CheckinStore {
  /** This database's own station id (made up once, on first use). */
  station(): Promise<string>;
  /**
   * Appends a record under the station's next number and its audit event (`checkin.record`, or
   * `checkin.resolve` for a decision); refused when the station's records came here by merge
   * (the station belongs to another device).
   */
  append(record: NewCheckinRecord, actor: Actor): Promise<CheckinEvent>;
  /** Adds another station's records as they are, each with a `checkin.merge` audit event. */
  addMerged(events: readonly CheckinEvent[], actor: Actor): Promise<void>;
  /** Records, optionally of one movement, station and/or persons, by station and sequence. */
  events(filter?: {
    movementId?: string;
    station?: string;
    personIds?: readonly string[];
  }): Promise<CheckinEvent[]>;
  /** A station's record numbers shredded by retention: a merge does not take them back. */
  shreddedNumbers(station: string): Promise<number[]>;
  /** Everyone booked on a movement with their status (records folded by core), households together. */
  list(movementId: string): Promise<CheckinRow[]>;
  /** The households booked on a movement by the current timetable (or joint plan), by id. */
  bookedHouseholds(movementId: string): Promise<string[]>;
  /** The active members of households, head first. */
  members(householdIds: readonly string[]): Promise<HouseholdMember[]>;
  /** Persons by id (those that exist). */
  persons(personIds: readonly string[]): Promise<Map<string, CheckinPerson>>;
  /**
   * Locks households until the transaction ends (two desks take turns per household) and
   * answers their case statuses.
   */
  lockHouseholds(householdIds: readonly string[]): Promise<Map<string, string>>;
}
