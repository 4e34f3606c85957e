/** A new movement from what a user gives, the rest from the operation and the destination (M5). */
import type { Destination, Movement, Operation } from './schemas.js';

/** What a user says about a new flight or convoy; the rest has defaults. */
export interface NewMovementRequest {
  id: string;
  departAt: string;
  seats: number;
  kind?: Movement['kind'];
  /** Destination id; none for a hub. */
  to?: string | null;
  arrivalAirport?: string | null;
  origin?: string;
  timezone?: string;
  baggageKg?: number;
  carrier?: string | null;
  flightNumber?: string | null;
  arriveAt?: string | null;
  specialSeats?: Movement['specialSeats'];
}

/** Baggage allowance per seat when none is given (kg). */
export const defaultBaggagePerSeatKg = 23;

/**
 * Fills the defaults: the operation's airport and time zone, the destination's first arrival
 * airport, 23 kg per seat; the movement starts planned. Storage validates the result.
 */
export function newMovement(
  request: NewMovementRequest,
  operation: Operation,
  destination: Destination | undefined,
): Movement {
  return {
    id: request.id,
    kind: request.kind ?? 'charter',
    origin: request.origin ?? operation.airportCode,
    destinationId: request.to ?? null,
    arrivalAirport: request.arrivalAirport ?? destination?.arrivalAirports[0] ?? null,
    departAt: request.departAt,
    timezone: request.timezone ?? operation.timezone,
    seats: request.seats,
    baggageKg: request.baggageKg ?? request.seats * defaultBaggagePerSeatKg,
    status: 'planned',
    carrier: request.carrier ?? null,
    flightNumber: request.flightNumber ?? null,
    arriveAt: request.arriveAt ?? null,
    specialSeats: request.specialSeats ?? null,
  };
}
