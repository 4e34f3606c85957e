/** The movements capability: flights and convoys out of the camp, and ground-transfer capacity. */
import type { GroundCapacity, Movement as CoreMovement, SpecialSeats } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** How people travel. */
export type MovementKind = CoreMovement['kind'];
/** Where a movement stands. */
export type MovementStatus = CoreMovement['status'];
/** A stored flight or convoy, with the version used for optimistic concurrency. */
export interface Movement extends CoreMovement {
  version: number;
}
export type { GroundCapacity };

/** What `update` may change; null clears carrier, flight number or arrival. */
export interface MovementChange {
  status?: MovementStatus;
  seats?: number;
  baggageKg?: number;
  carrier?: string | null;
  flightNumber?: string | null;
  /** ISO 8601 with offset. */
  arriveAt?: string | null;
  /** Special places on board; null clears them. */
  specialSeats?: SpecialSeats | null;
}

/** Movements of one operation. */
export interface MovementStore {
  /** Stores movements in one transaction (the `movement.add` command checks them first). */
  add(movements: Omit<Movement, 'version'>[], actor: Actor): Promise<void>;
  /** Every movement, by departure. */
  list(): Promise<Movement[]>;
  /** One movement. */
  get(id: string): Promise<Movement | undefined>;
  /**
   * Changes status, seats, baggage, carrier, flight number or arrival, checking the version the
   * caller saw (optimistic concurrency); the `movement.update` command checks the result first.
   */
  update(
    id: string,
    change: MovementChange,
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<Movement>;
  /**
   * As `update`, answering the movement as it was just before the change too (read under the
   * same row lock: a concurrent change in between is never mistaken for this one's "before").
   */
  change(
    id: string,
    change: MovementChange,
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<{ before: Movement; after: Movement }>;
  /** Sets ground-transfer capacity for days (replacing what was there). */
  setGroundCapacity(days: GroundCapacity[], actor: Actor): Promise<void>;
  /** Ground-transfer capacity by day. */
  groundCapacity(): Promise<GroundCapacity[]>;
}
