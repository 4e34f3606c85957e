/** What makes a set of new flights and convoys acceptable (M5): checked before any is stored. */
import { MovementSchema, type Movement } from './schemas.js';

/** An IATA airline designator: two letters or digits, not two digits. */
const iataDesignator = /^(?![0-9]{2})[A-Z0-9]{2}$/;
/** An IATA flight number: 1 to 4 digits and an optional operational suffix letter. */
const iataFlightNumber = /^[0-9]{1,4}[A-Z]?$/;

/**
 * What is wrong with a movement's carrier, flight number and arrival, each as `field reason`:
 * a flight's carrier is an IATA designator and its number 1–4 digits with an optional letter; a
 * flight number needs a carrier; carrier and number together fit a PAXLST conveyance reference
 * (17 characters); arrival is after departure.
 */
export function carrierProblems(
  m: Pick<Movement, 'kind' | 'departAt' | 'carrier' | 'flightNumber' | 'arriveAt'>,
): string[] {
  const problems: string[] = [];
  const flight = m.kind !== 'convoy';
  if (m.carrier && flight && !iataDesignator.test(m.carrier))
    problems.push(
      `carrier "${m.carrier}" must be an IATA airline designator (2 capital letters or digits, e.g. XY) for a ${m.kind} flight`,
    );
  if (m.flightNumber && flight && !iataFlightNumber.test(m.flightNumber))
    problems.push(
      `flightNumber "${m.flightNumber}" must be 1 to 4 digits with an optional letter, e.g. 1234`,
    );
  if (m.flightNumber && !m.carrier) problems.push('flightNumber needs a carrier');
  if (m.carrier && m.flightNumber && (m.carrier + m.flightNumber).length > 17)
    problems.push('carrier and flightNumber together must be at most 17 characters');
  if (m.arriveAt && Date.parse(m.arriveAt) <= Date.parse(m.departAt))
    problems.push(`arriveAt ${m.arriveAt} must be after departAt ${m.departAt}`);
  return problems;
}

/**
 * Everything wrong with movements to add, each naming the movement and field: the schema, ids
 * already used (in the list or stored), unknown destinations, and planned or confirmed
 * movements that would depart in the past.
 */
export function movementProblems(
  movements: readonly unknown[],
  destinations: ReadonlySet<string>,
  existing: ReadonlySet<string>,
  now: Date,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  movements.forEach((raw, i) => {
    const parsed = MovementSchema.safeParse(raw);
    const label = `movement ${(raw as { id?: unknown })?.id ?? `#${i + 1}`}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${label}: ${issue.path.join('.') || 'record'} ${issue.message}`);
      return;
    }
    const m = parsed.data;
    for (const p of carrierProblems(m)) problems.push(`${label}: ${p}`);
    if (seen.has(m.id) || existing.has(m.id)) problems.push(`${label}: id is already used`);
    seen.add(m.id);
    if (m.destinationId && !destinations.has(m.destinationId))
      problems.push(`${label}: destinationId ${m.destinationId} is not a destination`);
    if (
      (m.status === 'planned' || m.status === 'confirmed') &&
      Date.parse(m.departAt) < now.getTime()
    ) {
      problems.push(`${label}: departAt ${m.departAt} is in the past for a ${m.status} movement`);
    }
  });
  return problems;
}
