/** `corridor candidate list|add|remove`: movements the timetable may book (issue 21 item 2). */
import { addCandidate, listCandidates, removeCandidate } from '@corridor/commands';
import { errors, type CandidateMovement } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;
type Listed = CandidateMovement & { cost: string };

const text = (v: unknown) => (v === undefined ? undefined : String(v));

function wholeNumber(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n))
    throw errors.invalidInput(`${flag} must be a whole number, not "${value}"`);
  return n;
}

/** Text layout of candidates. */
export function candidatesText(list: Listed[]): string {
  return table(
    [
      'candidate',
      'kind',
      'to',
      'window',
      'at',
      'seats',
      'cost',
      'lead days',
      'status',
      'booked as',
    ],
    list.map((c) => [
      c.id,
      c.kind,
      c.destinationId ?? '-',
      `${c.earliestDay}..${c.latestDay}`,
      c.departTime,
      c.seats,
      c.cost,
      c.leadTimeDays,
      c.status,
      c.bookedMovementId ? `${c.bookedMovementId} on ${c.bookedDay}` : '-',
    ]),
  );
}

/** Registers `corridor candidate`. */
export function registerCandidate(program: Command): void {
  const c = program
    .command('candidate')
    .description(
      'candidate movements: offers (charters, scheduled seats, convoy slots) `corridor schedule` may book',
    );
  bindCli<{ candidates: Listed[] }>(
    c.command('list').description('list candidates by earliest day').option('--json', 'print JSON'),
    listCandidates,
    () => ({}),
    (out) => candidatesText(out.candidates),
  );
  bindCli<Listed>(
    c
      .command('add')
      .description('add a candidate: seats, a window of departure days, a cost and a lead time')
      .requiredOption('--id <id>', 'candidate id, e.g. OFFER-7')
      .requiredOption('--seats <n>', 'seats offered (at least 1)')
      .requiredOption('--from <day>', 'first day it may depart, YYYY-MM-DD')
      .requiredOption('--until <day>', 'last day it may depart, YYYY-MM-DD')
      .requiredOption('--cost <amount>', 'cost in major units, e.g. 120000')
      .requiredOption('--currency <code>', 'ISO 4217 code, the same for every candidate')
      .option('--kind <kind>', 'charter, scheduled or convoy', 'charter')
      .option('--to <destination>', 'destination id (omit for a hub)')
      .option('--lead-days <n>', 'days of notice the provider needs before departure', '0')
      .option('--at <HH:MM>', 'departure time on the day chosen, in the operation’s time zone')
      .option('--baggage-kg <n>', 'baggage allowance in kg (default: 23 per seat)')
      .option('--json', 'print JSON'),
    addCandidate,
    (_args, o: Options) => ({
      id: text(o.id),
      seats: wholeNumber('--seats', o.seats),
      earliestDay: text(o.from),
      latestDay: text(o.until),
      cost: text(o.cost),
      currency: text(o.currency),
      kind: text(o.kind),
      to: text(o.to),
      leadTimeDays: wholeNumber('--lead-days', o.leadDays),
      departTime: text(o.at),
      baggageKg: wholeNumber('--baggage-kg', o.baggageKg),
    }),
    (added) =>
      `candidate ${added.id} added: ${added.seats} seats, ${added.earliestDay}..${added.latestDay}, ${added.cost}`,
  );
  bindCli<{ removed: string }>(
    c
      .command('remove <id>')
      .description('remove a candidate no plan has booked')
      .option('--json', 'print JSON'),
    removeCandidate,
    ([id]) => ({ id }),
    (out) => `candidate ${out.removed} removed`,
  );
}
