/**
 * Pledges as they are negotiated (issue 22): destinations' rules and pledges changed one at a time,
 * each change kept with who, when, why and the values before and after.
 */
import type { Destination, Pledge } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** One change of a destination's rules or of a pledge. */
export interface PledgeChange {
  id: number;
  at: string;
  actor: string;
  role: string;
  kind: 'destination' | 'pledge';
  destinationId: string;
  /** The pledge's first day (a pledge change); null for a destination's rules. */
  periodStart: string | null;
  action: 'added' | 'changed' | 'removed';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string;
}

/** Writes destinations and pledges one at a time, in the caller's transaction, with their history. */
export interface PledgeStore {
  /** Adds or changes a destination's rules; returns the change recorded (null when nothing changed). */
  setDestination(d: Destination, reason: string, actor: Actor): Promise<PledgeChange | null>;
  /**
   * Adds a pledge, or replaces the destination's pledge that starts on the same day; returns the
   * change recorded (null when nothing changed).
   */
  setPledge(p: Pledge, reason: string, actor: Actor): Promise<PledgeChange | null>;
  /** Removes the destination's pledge that starts on `periodStart`; null when there was none. */
  removePledge(
    destinationId: string,
    periodStart: string,
    reason: string,
    actor: Actor,
  ): Promise<PledgeChange | null>;
  /** Changes, newest first, of one destination or of all. */
  changes(destinationId?: string, limit?: number): Promise<PledgeChange[]>;
}
