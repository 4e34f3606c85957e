/** `corridor movement list|add|set`: flights and convoys (M5). */
import { errors, newMovement } from '@corridor/core';
import type { Movement, MovementStatus } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';

const statuses: MovementStatus[] = ['planned', 'confirmed', 'departed', 'arrived', 'cancelled'];

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw errors.invalidInput(`${flag} must be a whole number ≥ 0, not "${value}"`);
  return n;
}

/** Text layout of movements. */
export function movementsText(list: Movement[]): string {
  return table(
    ['movement', 'kind', 'to', 'airport', 'departs', 'seats', 'baggage kg', 'status'],
    list.map((m) => [
      m.id,
      m.kind,
      m.destinationId ?? '-',
      m.arrivalAirport ?? '-',
      m.departAt,
      m.seats,
      m.baggageKg,
      m.status,
    ]),
  );
}

/** Registers `corridor movement`. */
export function registerMovement(program: Command): void {
  const m = program.command('movement').description('flights and convoys out of the camp');
  m.command('list')
    .description('list movements by departure, with ground-transfer capacity per day')
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const { movements, ground } = await withStore(command, false, async (store) => ({
        movements: await store.movements.list(),
        ground: await store.movements.groundCapacity(),
      }));
      output(command, { movements, groundCapacity: ground }, () => movementsText(movements));
    });
  m.command('add')
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
    .option('--json', 'print JSON')
    .action(async (opts: Record<string, string | undefined>, command: Command) => {
      const seats = wholeNumber('--seats', opts.seats) ?? 0;
      const added = await withStore(command, false, async (store) => {
        const op = await store.registry.operation();
        if (!op) throw errors.noOperation();
        const dest = opts.to
          ? (await store.registry.destinations()).find((d) => d.id === opts.to)
          : undefined;
        const movement = newMovement(
          {
            id: opts.id ?? '',
            departAt: opts.depart ?? '',
            seats,
            kind: opts.kind as Movement['kind'],
            ...(opts.to ? { to: opts.to } : {}),
            ...(opts.arrivalAirport ? { arrivalAirport: opts.arrivalAirport } : {}),
            ...(opts.origin ? { origin: opts.origin } : {}),
            ...(opts.timezone ? { timezone: opts.timezone } : {}),
            ...(opts.baggageKg !== undefined
              ? { baggageKg: wholeNumber('--baggage-kg', opts.baggageKg) ?? 0 }
              : {}),
          },
          op,
          dest,
        );
        await store.movements.add([movement], actorOf(command));
        return store.movements.get(movement.id);
      });
      output(command, added, () => `movement ${added?.id} added`);
    });
  m.command('set <id>')
    .description('change a movement’s status, seats or baggage allowance')
    .option('--status <status>', statuses.join(', '))
    .option('--seats <n>', 'seats')
    .option('--baggage-kg <n>', 'baggage allowance in kg')
    .option('--expect-version <n>', 'refuse if the movement changed since this version')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: Record<string, string | undefined>, command: Command) => {
      if (opts.status !== undefined && !statuses.includes(opts.status as MovementStatus)) {
        throw errors.invalidInput(
          `--status must be one of ${statuses.join(', ')}, not "${opts.status}"`,
        );
      }
      const change = {
        ...(opts.status ? { status: opts.status as MovementStatus } : {}),
        ...(opts.seats !== undefined ? { seats: wholeNumber('--seats', opts.seats) } : {}),
        ...(opts.baggageKg !== undefined
          ? { baggageKg: wholeNumber('--baggage-kg', opts.baggageKg) }
          : {}),
      };
      if (Object.keys(change).length === 0)
        throw errors.invalidInput('nothing to change: give --status, --seats or --baggage-kg');
      const updated = await withStore(command, false, (store) =>
        store.movements.update(
          id,
          change,
          wholeNumber('--expect-version', opts.expectVersion),
          actorOf(command),
        ),
      );
      output(
        command,
        updated,
        () =>
          `movement ${updated.id}: ${updated.status}, ${updated.seats} seats (version ${updated.version})`,
      );
    });
}
