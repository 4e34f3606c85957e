/** `corridor checkin`: check-in, boarding, no-shows and arrivals; offline stations and their merge (M6). */
import { readFileSync, writeFileSync } from 'node:fs';
import {
  checkinDesk,
  checkinDocument,
  checkinSlips,
  checkinStandby,
  checkinSummary,
  exportCheckinLog,
  listCheckin,
  listCheckinConflicts,
  mergeCheckinLog,
  recordCheckin,
  resolveCheckin,
  allowSplit,
  type CommandOutput,
} from '@corridor/commands';
import {
  checkinStatuses,
  errors,
  type CheckinConflict,
  type CheckinDeskPerson,
  type CheckinLog,
  type CheckinResult,
  type CheckinRow,
  type MergeResult,
  type MovementCheckinSummary,
} from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;
const optional = (v: unknown) => (v === undefined ? undefined : String(v));

function resultText(r: CheckinResult): string {
  const moves = r.householdMoves.map((m) =>
    m.done
      ? `case ${m.householdId}: ${m.from} → ${m.to}`
      : `case ${m.householdId} stays ${m.from} (${m.reason})`,
  );
  return [
    `${r.event.personId} on ${r.event.movementId}: ${r.event.status} (station ${r.event.station}, record ${r.event.seq})`,
    ...moves,
  ].join('\n');
}

function rowsText(rows: readonly (CheckinRow & { name?: string | null })[]): string {
  const named = rows.some((r) => r.name);
  return table(
    ['case', 'person', ...(named ? ['name'] : []), 'head', 'status', 'station', 'at'],
    rows.map((r) => [
      r.householdId,
      r.personId,
      ...(named ? [r.name ?? ''] : []),
      r.isHead ? 'yes' : '',
      r.status,
      r.station ?? '',
      r.at ?? '',
    ]),
  );
}

function summaryText(s: MovementCheckinSummary): string {
  return `${s.movementId}: ${s.booked} booked in ${s.households} households on ${s.seats} seats; checked in ${s.checkedIn}, boarded ${s.boarded}, arrived ${s.arrived}, no-show ${s.noShow} (seats free ${s.seatsFree}), not yet seen ${s.pending}, conflicts ${s.conflicts}`;
}

function standbyText(s: CommandOutput<typeof checkinStandby>): string {
  const e = s.excluded;
  const head = `${s.movementId} to ${s.destinationId ?? '–'} on ${s.day}: ${s.seatsFree} seat(s) free; ${s.total} case(s) on standby (${s.plan} plan). Left off: ${e.notReady} not ready, ${e.pastLatest} past their last day, ${e.documents} without a valid travel document, ${e.locked} locked elsewhere, ${e.leavesEarlier} leaving earlier.`;
  if (s.candidates.length === 0) return head;
  return `${head}\n\n${table(
    ['case', 'persons', 'fits', 'now on', 'ready', 'last day', 'priority', 'exposure saved'],
    s.candidates.map((c) => [
      c.case,
      String(c.persons),
      c.fits ? 'yes' : 'no',
      c.from ? `${c.from} (${c.fromDay})` : '–',
      c.readyDay,
      c.latestDay ?? '',
      String(c.priority),
      c.exposureSaved.toFixed(4),
    ]),
  )}`;
}

function readLog(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw errors.checkinLogInvalid(
      `${file} is not a JSON check-in log (${(error as Error).message})`,
    );
  }
}

/** Registers `corridor checkin` and its subcommands. */
export function registerCheckin(program: Command): void {
  const c = program
    .command('checkin')
    .description(
      'record check-in, boarding, no-show or arrival of a person on a movement: corridor checkin MOVEMENT PERSON --status S [--station S]; subcommands list, summary, desk, standby, slips, document, export, merge, conflicts, resolve',
    )
    .argument('[movement]', 'movement id')
    .argument('[person]', 'person id')
    .option('--status <status>', checkinStatuses.join(', '))
    .option('--station <id>', "this desk's station id (default: the database's own)")
    .option('--note <text>', 'a note kept with the record')
    .option('--json', 'print JSON');
  bindCli<CheckinResult>(
    c,
    recordCheckin,
    ([movementId, personId], o: Options) => {
      if (!movementId || !personId)
        throw errors.invalidInput('give MOVEMENT PERSON --status S, or a subcommand (see --help)');
      return {
        movementId,
        personId,
        status: optional(o.status),
        station: optional(o.station),
        note: optional(o.note) || undefined,
      };
    },
    resultText,
  );
  bindCli<CheckinRow[]>(
    c
      .command('list <movement>')
      .description('everyone booked on a movement with their status, households together')
      .option('--json', 'print JSON'),
    listCheckin,
    ([movementId]) => ({ movementId }),
    rowsText,
  );
  bindCli<MovementCheckinSummary>(
    c
      .command('summary <movement>')
      .description('counts of a movement on the day; no-shows free their seats for re-planning')
      .option('--json', 'print JSON'),
    checkinSummary,
    ([movementId]) => ({ movementId }),
    summaryText,
  );
  bindCli<{ summary: MovementCheckinSummary; persons: CheckinDeskPerson[] }>(
    c
      .command('desk <movement>')
      .description(
        'the desk of a movement: the counts and everyone booked, with names for roles that see them (as GET /api/movements/:id/checkin)',
      )
      .option('--json', 'print JSON'),
    checkinDesk,
    ([movementId]) => ({ movementId }),
    (d) => `${summaryText(d.summary)}\n\n${rowsText(d.persons)}`,
  );
  bindCli<CommandOutput<typeof checkinStandby>>(
    c
      .command('standby <movement>')
      .description(
        'cases that can fill a free seat on the movement on the day, ranked by the exposure an earlier departure saves (as GET /api/movements/:id/standby; nothing changes)',
      )
      .option('--limit <n>', 'at most this many cases', '20')
      .option('--json', 'print JSON'),
    checkinStandby,
    ([movementId], o: Options) => ({ movementId, limit: o.limit }),
    standbyText,
  );
  bindCli<CommandOutput<typeof checkinSlips>['summary'] & { file?: string }>(
    c
      .command('slips <movement>')
      .description(
        'check-in slips with QR codes as an A4 PDF, eight to a page: the desk scans a slip to open the passenger (as GET /api/movements/:id/slips)',
      )
      .option('--case <id>', 'only the persons of this case')
      .requiredOption('--out <file>', 'PDF file to write')
      .option('--json', 'print what was written as JSON'),
    checkinSlips,
    ([movementId], o: Options) => ({ movementId, caseId: optional(o.case) }),
    (w) =>
      `${w.slips} check-in ${w.slips === 1 ? 'slip' : 'slips'} of ${w.cases} ${w.cases === 1 ? 'case' : 'cases'} on ${w.movementId} written to ${w.file} (${w.pages} ${w.pages === 1 ? 'page' : 'pages'})`,
    { file: { stdout: false } },
  );
  bindCli<CommandOutput<typeof checkinDocument>>(
    c
      .command('document <movement> <person>')
      .description(
        'check the passport a passenger shows: MRZ check digits, a document registered for the person, name, date of birth, valid on arrival (as POST /api/checkin/document; registered values are never printed)',
      )
      .requiredOption('--mrz <lines...>', "the MRZ's two lines, each quoted (they contain <)")
      .option('--json', 'print JSON'),
    checkinDocument,
    ([movementId, personId], o: Options) => {
      const lines = (o.mrz as string[] | undefined) ?? [];
      if (lines.length !== 2)
        throw errors.invalidInput(`--mrz takes the two lines of the MRZ, not ${lines.length}`);
      return { movementId, personId, mrz: lines };
    },
    (r) =>
      r.valid
        ? `document of ${r.personId} checked for ${r.movementId}: every check passed`
        : [
            `document of ${r.personId} NOT accepted for ${r.movementId}:`,
            ...r.problems.map((p) => `  ${p.field}: ${p.reason}`),
          ].join('\n'),
  );
  const exporter = c
    .command('export')
    .description(
      "write a station's records (default: this database's own station) to a file for another station to merge",
    )
    .option('--station <id>', 'the station whose records to write')
    .option('--all', "every station's records held here")
    .requiredOption('--out <file>', 'file to write')
    .option('--json', 'print JSON');
  // The parent command shares --station, and commander gives it the value: read both.
  const exportOptions = () =>
    exporter.optsWithGlobals<{ station?: string; all?: boolean; out: string }>();
  bindCli<CheckinLog>(
    exporter,
    exportCheckinLog,
    () => {
      const o = exportOptions();
      return o.all ? { scope: 'all' } : { station: o.station, scope: 'own' };
    },
    (log) =>
      `${log.events.length} records of station ${log.station ?? '(all)'} written to ${exportOptions().out}`,
    {
      deliver(log) {
        const { out } = exportOptions();
        writeFileSync(out, JSON.stringify(log, null, 2) + '\n', { mode: 0o600 });
        return { file: out, station: log.station, records: log.events.length, sha256: log.sha256 };
      },
    },
  );
  bindCli<MergeResult>(
    c
      .command('merge <file>')
      .description(
        "add another station's records; both sides' records are kept, disagreements are listed as conflicts",
      )
      .option('--json', 'print JSON'),
    mergeCheckinLog,
    ([file]) => ({ log: readLog(file!) }),
    (r) =>
      [
        `merged ${r.received} records of ${r.stations.join(', ') || 'no station'}: ${r.added} new, ${r.alreadyHad} already here`,
        ...r.householdMoves
          .filter((m) => m.done)
          .map((m) => `case ${m.householdId}: ${m.from} → ${m.to}`),
        r.conflicts.length > 0
          ? `${r.conflicts.length} conflict(s) to decide: corridor checkin conflicts`
          : 'no conflicts',
        ...r.boardedApart.map(
          (b) =>
            `boarded apart: ${b.personId} of case ${b.householdId} on ${b.movementId}, while ${b.apart
              .map((m) => `${m.personId} is ${m.status}`)
              .join(', ')} (recorded by another station; a protection officer should follow up)`,
        ),
      ].join('\n'),
  );
  bindCli<CommandOutput<typeof allowSplit>>(
    c
      .command('allow-split <movement> <case>')
      .description(
        'let a household travel apart on one movement (protection officer; the reason is sealed in the case history)',
      )
      .requiredOption('--reason <text>', 'why the household may travel apart')
      .option('--json', 'print JSON'),
    allowSplit,
    ([movementId, caseId], o) => ({ movementId, caseId, reason: o.reason }),
    (r) =>
      `case ${r.case} may travel apart on movement ${r.movementId}` +
      (r.apart.length
        ? ` (not at the desk now: ${r.apart.map((m) => m.personId).join(', ')})`
        : ''),
  );
  bindCli<CheckinConflict[]>(
    c
      .command('conflicts [movement]')
      .description('persons whose status stations disagree on (boarded at one, no-show at another)')
      .option('--json', 'print JSON'),
    listCheckinConflicts,
    ([movementId]) => ({ movementId }),
    (list) =>
      list.length === 0
        ? 'no conflicts'
        : table(
            ['movement', 'case', 'person', 'records'],
            list.map((k) => [
              k.movementId,
              k.householdId ?? '',
              k.personId,
              k.records.map((r) => `${r.station}#${r.seq} ${r.status} ${r.at}`).join('; '),
            ]),
          ),
  );
  const resolver = c
    .command('resolve <movement> <person>')
    .description(
      'decide a conflict: a new record that settles the disagreeing ones (kept, never overwritten)',
    )
    .option('--status <status>', checkinStatuses.join(', '))
    .option('--note <text>', 'why (required; kept with the decision)')
    .option('--station <id>', "this desk's station id")
    .option('--json', 'print JSON');
  bindCli<CheckinResult>(
    resolver,
    resolveCheckin,
    ([movementId, personId]) => {
      const o = resolver.optsWithGlobals<{ status?: string; note?: string; station?: string }>();
      if (!o.note) throw errors.invalidInput('a decision needs --note "why"');
      return { movementId, personId, status: o.status, note: o.note, station: o.station };
    },
    resultText,
  );
}
