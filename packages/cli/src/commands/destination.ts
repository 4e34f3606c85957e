/**
 * `corridor destination list|pledges|add|edit` and `corridor pledge set|remove|history|value`: host
 * countries, their rules and pledged places (M3), negotiated one change at a time (issue 22).
 */
import {
  addDestination,
  listDestinations,
  listPledges,
  pledgeHistory,
  pledgeValue,
  removePledge,
  setPledge,
  updateDestination,
  type CommandOutput,
  type DestinationOut,
  type NegotiationOut,
  type PledgeChangeOut,
} from '@corridor/commands';
import { errors, type Pledge } from '@corridor/core';
import type { Command } from 'commander';
import type { z } from 'zod';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Row = z.infer<typeof DestinationOut>;
type Negotiated = z.infer<typeof NegotiationOut>;
type Change = z.infer<typeof PledgeChangeOut>;
type Options = Record<string, unknown>;

const list = (v: unknown) =>
  String(v)
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

function count(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw errors.invalidInput(`--${name} must be a whole number, not "${String(v)}"`);
  return n;
}

/** `--pause 2027-01-01..2027-03-31:elections`, repeated. */
function pauses(v: unknown) {
  return (v as string[]).map((p) => {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})(?::(.*))?$/.exec(p);
    if (!m) throw errors.invalidInput(`--pause must be FROM..TO[:reason], not "${p}"`);
    return { from: m[1]!, to: m[2]!, reason: m[3] ?? '' };
  });
}

const collect = (v: string, all: string[] = []) => [...all, v];

/** The rules given as options (undefined where not given). */
function rulesOf(o: Options) {
  const rules: Record<string, unknown> = {
    country: typeof o.country === 'string' ? o.country.toUpperCase() : undefined,
    name: o.name,
    maxHouseholdSize: count('max-size', o.maxSize),
    medicalPlaces: count('medical-places', o.medicalPlaces),
    disabilityPlaces: count('disability-places', o.disabilityPlaces),
    languages: o.languages === undefined ? undefined : list(o.languages),
    requiresTies: o.requiresTies,
    leadTimeDays: count('lead-days', o.leadDays),
    arrivalAirports:
      o.airports === undefined ? undefined : list(o.airports).map((a) => a.toUpperCase()),
    pauses: o.clearPauses ? [] : o.pause === undefined ? undefined : pauses(o.pause),
    reason: o.reason,
  };
  return Object.fromEntries(Object.entries(rules).filter(([, v]) => v !== undefined));
}

function ruleOptions(c: Command): Command {
  return c
    .option('--country <iso3>', 'the state, ISO 3166-1 alpha-3')
    .option('--name <name>', 'the name people read')
    .option('--max-size <n>', 'largest household it accepts')
    .option('--medical-places <n>', 'places for persons with a serious medical condition')
    .option('--disability-places <n>', 'places for persons with a disability')
    .option('--languages <codes>', 'ISO 639 codes, comma-separated')
    .option('--requires-ties', 'accepts only households with ties to the country')
    .option('--no-requires-ties', 'accepts households without ties')
    .option('--lead-days <n>', 'days it needs between a decision and arrival')
    .option('--airports <iata>', 'arrival airports, comma-separated')
    .option('--pause <from..to:reason>', 'a pause of intake (repeat for more)', collect)
    .option('--clear-pauses', 'no pauses')
    .requiredOption('--reason <text>', 'why (the pledge history keeps it)')
    .option('--json', 'print JSON');
}

function changeText(c: Change): string {
  const what =
    c.kind === 'destination'
      ? `destination ${c.destinationId}`
      : `pledge ${c.destinationId} from ${c.periodStart}`;
  const diff =
    c.before && c.after
      ? Object.keys(c.after)
          .filter((k) => JSON.stringify(c.before![k]) !== JSON.stringify(c.after![k]))
          .map((k) => `${k} ${JSON.stringify(c.before![k])} → ${JSON.stringify(c.after![k])}`)
          .join(', ')
      : '';
  return `${c.at.slice(0, 16).replace('T', ' ')}  ${c.actor} (${c.role}): ${what} ${c.action}${diff ? `: ${diff}` : ''} — ${c.reason}`;
}

const negotiatedText = (r: Negotiated) =>
  r.change ? changeText(r.change) : 'nothing changed (the values given are the current ones)';

/** Registers `corridor destination`. */
export function registerDestination(program: Command): void {
  const d = program.command('destination').description('host countries and their pledges');
  bindCli<Row[]>(
    d
      .command('list')
      .description('list destinations with rules and pledged persons, cases and medical places')
      .option('--json', 'print JSON'),
    listDestinations,
    () => ({}),
    (rows) =>
      table(
        [
          'id',
          'name',
          'persons',
          'cases',
          'medical',
          'max size',
          'languages',
          'ties',
          'lead days',
          'airports',
          'pauses',
        ],
        rows.map((r) => [
          r.id,
          r.name,
          r.pledged.persons,
          r.pledged.cases,
          r.medicalPlaces,
          r.maxHouseholdSize,
          r.languages.join(' '),
          r.requiresTies ? 'required' : '',
          r.leadTimeDays,
          r.arrivalAirports.join(' '),
          r.pauses.map((p) => `${p.from}..${p.to}`).join(' '),
        ]),
      ),
  );
  bindCli<Pledge[]>(
    d
      .command('pledges')
      .description(
        'list every pledge: persons, cases and medical places per destination and period',
      )
      .option('--json', 'print JSON'),
    listPledges,
    () => ({}),
    (pledges) =>
      table(
        ['destination', 'from', 'to', 'persons', 'cases', 'medical'],
        pledges.map((p) => [
          p.destinationId,
          p.periodStart,
          p.periodEnd,
          p.persons,
          p.cases,
          p.medicalPlaces,
        ]),
      ),
  );
  bindCli<Negotiated>(
    ruleOptions(
      d
        .command('add <id>')
        .description('add a destination (a host state and its rules); the pledge history keeps it'),
    ),
    addDestination,
    ([id], o) => ({ id, ...rulesOf(o) }),
    negotiatedText,
  );
  bindCli<Negotiated>(
    ruleOptions(
      d
        .command('edit <id>')
        .description("change a destination's rules: only the options given change"),
    ),
    updateDestination,
    ([id], o) => ({ id, ...rulesOf(o) }),
    negotiatedText,
  );

  const pledge = program
    .command('pledge')
    .description('pledges as they are negotiated: set, remove, history, and what a place is worth');
  bindCli<Negotiated>(
    pledge
      .command('set')
      .description('add a pledge, or change the one of the destination that starts on the same day')
      .requiredOption('--destination <id>', 'the destination')
      .requiredOption('--from <day>', 'first day (YYYY-MM-DD): names the pledge')
      .requiredOption('--to <day>', 'last day (YYYY-MM-DD)')
      .requiredOption('--persons <n>', 'persons')
      .requiredOption('--cases <n>', 'cases (households)')
      .option('--medical <n>', 'medical places', '0')
      .requiredOption('--reason <text>', 'why (the pledge history keeps it)')
      .option('--json', 'print JSON'),
    setPledge,
    (_args, o) => ({
      destinationId: o.destination,
      periodStart: o.from,
      periodEnd: o.to,
      persons: count('persons', o.persons),
      cases: count('cases', o.cases),
      medicalPlaces: count('medical', o.medical),
      reason: o.reason,
    }),
    negotiatedText,
  );
  bindCli<Negotiated>(
    pledge
      .command('remove')
      .description('remove a pledge (its destination and first day); the history keeps it')
      .requiredOption('--destination <id>', 'the destination')
      .requiredOption('--from <day>', 'the pledge’s first day')
      .requiredOption('--reason <text>', 'why (the pledge history keeps it)')
      .option('--json', 'print JSON'),
    removePledge,
    (_args, o) => ({ destinationId: o.destination, periodStart: o.from, reason: o.reason }),
    negotiatedText,
  );
  bindCli<Change[]>(
    pledge
      .command('history')
      .description("how destinations' rules and pledges changed, newest first")
      .option('--destination <id>', 'only this destination')
      .option('--limit <n>', 'at most this many', '1000')
      .option('--json', 'print JSON'),
    pledgeHistory,
    (_args, o) => ({
      ...(o.destination ? { destinationId: o.destination } : {}),
      limit: count('limit', o.limit),
    }),
    (changes) =>
      changes.length === 0 ? 'no changes recorded' : changes.map(changeText).join('\n'),
  );
  bindCli<CommandOutput<typeof pledgeValue>>(
    pledge
      .command('value')
      .description(
        'what one more place at each destination is worth in the current allocation, and which households it would move',
      )
      .option('--top <n>', 'households listed per destination', '5')
      .option('--json', 'print JSON'),
    pledgeValue,
    (_args, o) => ({ top: count('top', o.top) }),
    (rows) =>
      table(
        [
          'destination',
          'persons used/pledged',
          'cases',
          'price/person',
          'price/case',
          'price/medical',
          'waiting',
          'would move first',
        ],
        rows.map((r) => [
          r.destinationId,
          `${r.used.persons}/${r.capacity.persons}`,
          `${r.used.cases}/${r.capacity.cases}`,
          r.prices.persons,
          r.prices.cases,
          r.prices.medical,
          `${r.waiting.cases} cases, ${r.waiting.persons} persons`,
          r.wouldMove.map((w) => `${w.case} (+${w.gain})`).join(' '),
        ]),
      ),
  );
}
