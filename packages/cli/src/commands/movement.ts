/** `corridor movement list|add|set`: flights and convoys (M5). */
import { addMovement, listMovements, updateMovement } from '@corridor/commands';
import { errors, specialSeatKinds, specialSeatsText, type SpecialSeats } from '@corridor/core';
import type { Movement, MovementStatus } from '@corridor/storage';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

const statuses: MovementStatus[] = ['planned', 'confirmed', 'departed', 'arrived', 'cancelled'];
type Options = Record<string, unknown>;

const text = (v: unknown) => (v === undefined ? undefined : String(v));

function wholeNumber(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw errors.invalidInput(`${flag} must be a whole number ≥ 0, not "${value}"`);
  return n;
}

/**
 * `--special stretcher=2,wheelchair=4,infant=6,escort=2` as places per kind; `none` clears them
 * (`movement set`). Whole numbers and known kinds only, the flag and the part named when not.
 */
function specialSeats(value: unknown, clear: boolean): SpecialSeats | null | undefined {
  if (value === undefined) return undefined;
  const raw = String(value).trim();
  if (clear && raw === 'none') return null;
  const out: SpecialSeats = {};
  for (const part of raw.split(',')) {
    const m = /^\s*([a-z]+)\s*=\s*(\d{1,4})\s*$/.exec(part);
    if (!m || !(specialSeatKinds as readonly string[]).includes(m[1]!))
      throw errors.invalidInput(
        `--special must be KIND=N[,KIND=N…] with KIND ${specialSeatKinds.join(', ')}${clear ? ' (or none)' : ''}, not "${part}"`,
      );
    out[m[1] as keyof SpecialSeats] = Number(m[2]);
  }
  return out;
}

const specialHelp = `special places on board, e.g. stretcher=2,wheelchair=4,infant=6,escort=2 (${specialSeatKinds.join(', ')}; a kind left out sets no limit)`;

/** Text layout of movements. */
export function movementsText(list: Movement[]): string {
  return table(
    [
      'movement',
      'kind',
      'to',
      'airport',
      'departs',
      'arrives',
      'carrier',
      'flight',
      'seats',
      'baggage kg',
      'special',
      'status',
    ],
    list.map((m) => [
      m.id,
      m.kind,
      m.destinationId ?? '-',
      m.arrivalAirport ?? '-',
      m.departAt,
      m.arriveAt ?? '-',
      m.carrier ?? '-',
      m.flightNumber ?? '-',
      m.seats,
      m.baggageKg,
      specialSeatsText(m.specialSeats) || '-',
      m.status,
    ]),
  );
}

/** Registers `corridor movement`. */
export function registerMovement(program: Command): void {
  const m = program.command('movement').description('flights and convoys out of the camp');
  bindCli<{ movements: Movement[] }>(
    m
      .command('list')
      .description('list movements by departure, with ground-transfer capacity per day')
      .option('--json', 'print JSON'),
    listMovements,
    () => ({}),
    (out) => movementsText(out.movements),
  );
  bindCli<Movement>(
    m
      .command('add')
      .description('add a flight or convoy (planned movements must depart in the future)')
      .requiredOption('--id <id>', 'movement id, e.g. M-101')
      .requiredOption(
        '--depart <datetime>',
        'departure, ISO 8601 with offset, e.g. 2031-06-30T05:00:00+03:00',
      )
      .requiredOption('--seats <n>', 'seats for passengers')
      .option('--kind <kind>', 'charter, scheduled or convoy', 'charter')
      .option('--to <destination>', 'destination id (omit for a hub)')
      .option('--arrival-airport <iata>', 'arrival airport (default: the destination’s first)')
      .option('--origin <code>', 'departure airport or site (default: the operation’s airport)')
      .option('--baggage-kg <n>', 'baggage allowance in kg (default: 23 per seat)')
      .option('--timezone <tz>', 'IANA time zone of the departure (default: the operation’s)')
      .option('--carrier <code>', 'IATA airline designator (e.g. XY) or convoy operator')
      .option('--flight <number>', 'flight number (e.g. 1234) or convoy reference')
      .option(
        '--arrive <datetime>',
        'arrival, ISO 8601 with the arrival airport’s offset, e.g. 2031-06-30T08:40:00+05:00',
      )
      .option('--special <places>', specialHelp)
      .option('--json', 'print JSON'),
    addMovement,
    (_args, o: Options) => ({
      id: text(o.id),
      departAt: text(o.depart),
      seats: wholeNumber('--seats', o.seats),
      kind: text(o.kind),
      to: text(o.to),
      arrivalAirport: text(o.arrivalAirport),
      origin: text(o.origin),
      timezone: text(o.timezone),
      baggageKg: wholeNumber('--baggage-kg', o.baggageKg),
      carrier: text(o.carrier),
      flightNumber: text(o.flight),
      arriveAt: text(o.arrive),
      specialSeats: specialSeats(o.special, false),
    }),
    (added) => `movement ${added.id} added`,
  );
  bindCli<Movement>(
    m
      .command('set <id>')
      .description(
        'change a movement’s status, seats, baggage allowance, carrier, flight, arrival or special places',
      )
      .option('--status <status>', statuses.join(', '))
      .option('--seats <n>', 'seats')
      .option('--baggage-kg <n>', 'baggage allowance in kg')
      .option('--carrier <code>', 'IATA airline designator (e.g. XY) or convoy operator')
      .option('--flight <number>', 'flight number (e.g. 1234) or convoy reference')
      .option('--arrive <datetime>', 'arrival, ISO 8601 with the arrival airport’s offset')
      .option('--special <places>', `${specialHelp}; none clears them`)
      .option('--expect-version <n>', 'refuse if the movement changed since this version')
      .option('--json', 'print JSON'),
    updateMovement,
    ([id], o: Options) => ({
      id,
      status: text(o.status),
      seats: wholeNumber('--seats', o.seats),
      baggageKg: wholeNumber('--baggage-kg', o.baggageKg),
      carrier: text(o.carrier),
      flightNumber: text(o.flight),
      arriveAt: text(o.arrive),
      specialSeats: specialSeats(o.special, true),
      expectVersion: wholeNumber('--expect-version', o.expectVersion),
    }),
    (u) => `movement ${u.id}: ${u.status}, ${u.seats} seats (version ${u.version})`,
  );
}
