/** The movements capability: flights and convoys out of the camp, and ground-transfer capacity. */
import type { Actor } from '../audit/audit-store.js';

/** How people travel. */
export type MovementKind = 'charter' | 'scheduled' | 'convoy';
/** Where a movement stands. */
export type MovementStatus = 'planned' | 'confirmed' | 'departed' | 'arrived' | 'cancelled';

/** A flight or convoy. */
export interface Movement {
  id: string;
  kind: MovementKind;
  /** Where it leaves from: an airport code or a site. */
  origin: string;
  /** The destination it carries people to (null for a hub). */
  destinationId: string | null;
  arrivalAirport: string | null;
  /** Departure, ISO 8601 with offset. */
  departAt: string;
  /** IANA time zone of the departure. */
  timezone: string;
  seats: number;
  baggageKg: number;
  status: MovementStatus;
  version: number;
}

/** Ground-transfer capacity camp → airport on one day. */
export interface GroundCapacity {
  day: string;
  persons: number;
  vehicles: number;
  /** Hours it can run, e.g. "06:00-14:00". */
  hours: string;
}

/** Movements of one operation. */
export interface MovementStore {
  /** Adds movements in one transaction. */
  add(movements: Omit<Movement, 'version'>[], actor: Actor): Promise<void>;
  /** Every movement, by departure. */
  list(): Promise<Movement[]>;
  /** One movement. */
  get(id: string): Promise<Movement | undefined>;
  /** Changes status and/or seats, checking the version the caller saw (optimistic concurrency). */
  update(
    id: string,
    change: { status?: MovementStatus; seats?: number; baggageKg?: number },
    expectedVersion: number | undefined,
    actor: Actor,
  ): Promise<Movement>;
  /** Sets ground-transfer capacity for days (replacing what was there). */
  setGroundCapacity(days: GroundCapacity[], actor: Actor): Promise<void>;
  /** Ground-transfer capacity by day. */
  groundCapacity(): Promise<GroundCapacity[]>;
}
