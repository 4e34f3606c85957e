/** `corridor checkin`: check-in, boarding, no-shows and arrivals; offline stations and their merge (M6). */
import { readFileSync, writeFileSync } from 'node:fs';
import { checkinStatuses, errors, isCheckinStatus, type CheckinStatus } from '@corridor/core';
import type { CheckinResult, CheckinRow } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';

function status(value: string | undefined): CheckinStatus {
  if (!value || !isCheckinStatus(value))
    throw errors.invalidInput(
      `--status must be ${checkinStatuses.join(', ')}, not "${value ?? ''}"`,
    );
  return value;
}

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

function rowsText(rows: CheckinRow[]): string {
  return table(
    ['case', 'person', 'head', 'status', 'station', 'at'],
    rows.map((r) => [
      r.householdId,
      r.personId,
      r.isHead ? 'yes' : '',
      r.status,
      r.station ?? '',
      r.at ?? '',
    ]),
  );
}

/** Registers `corridor checkin` and its subcommands. */
export function registerCheckin(program: Command): void {
  const c = program
    .command('checkin')
    .description(
      'record check-in, boarding, no-show or arrival of a person on a movement: corridor checkin MOVEMENT PERSON --status S [--station S]; subcommands list, summary, export, merge, conflicts, resolve',
    )
    .argument('[movement]', 'movement id')
    .argument('[person]', 'person id')
    .option('--status <status>', checkinStatuses.join(', '))
    .option('--station <id>', "this desk's station id (default: the database's own)")
    .option('--note <text>', 'a note kept with the record')
    .option('--json', 'print JSON')
    .action(
      async (
        movement: string | undefined,
        person: string | undefined,
        o: { status?: string; station?: string; note?: string },
        command: Command,
      ) => {
        if (!movement || !person)
          throw errors.invalidInput(
            'give MOVEMENT PERSON --status S, or a subcommand (see --help)',
          );
        const result = await withStore(command, false, (store) =>
          store.checkin.record(
            {
              movementId: movement,
              personId: person,
              status: status(o.status),
              ...(o.station ? { station: o.station } : {}),
              ...(o.note ? { note: o.note } : {}),
            },
            actorOf(command),
          ),
        );
        output(command, result, () => resultText(result));
      },
    );
  c.command('list <movement>')
    .description('everyone booked on a movement with their status, households together')
    .option('--json', 'print JSON')
    .action(async (movement: string, _o, command: Command) => {
      const rows = await withStore(command, false, (store) => store.checkin.list(movement));
      output(command, rows, () => rowsText(rows));
    });
  c.command('summary <movement>')
    .description('counts of a movement on the day; no-shows free their seats for re-planning')
    .option('--json', 'print JSON')
    .action(async (movement: string, _o, command: Command) => {
      const s = await withStore(command, false, (store) => store.checkin.summary(movement));
      output(
        command,
        s,
        () =>
          `${s.movementId}: ${s.booked} booked in ${s.households} households on ${s.seats} seats; checked in ${s.checkedIn}, boarded ${s.boarded}, arrived ${s.arrived}, no-show ${s.noShow} (seats free ${s.seatsFree}), not yet seen ${s.pending}, conflicts ${s.conflicts}`,
      );
    });
  c.command('export')
    .description(
      "write a station's records (default: this database's own station) to a file for another station to merge",
    )
    .option('--station <id>', 'the station whose records to write')
    .option('--all', "every station's records held here")
    .requiredOption('--out <file>', 'file to write')
    .option('--json', 'print JSON')
    .action(async (_o, command: Command) => {
      // The parent command shares --station, and commander gives it the value: read both.
      const o = command.optsWithGlobals<{ station?: string; all?: boolean; out: string }>();
      const log = await withStore(command, false, async (store) =>
        store.checkin.exportLog(o.all ? undefined : (o.station ?? (await store.checkin.station()))),
      );
      writeFileSync(o.out, JSON.stringify(log, null, 2) + '\n', { mode: 0o600 });
      output(
        command,
        { file: o.out, station: log.station, records: log.events.length, sha256: log.sha256 },
        () =>
          `${log.events.length} records of station ${log.station ?? '(all)'} written to ${o.out}`,
      );
    });
  c.command('merge <file>')
    .description(
      "add another station's records; both sides' records are kept, disagreements are listed as conflicts",
    )
    .option('--json', 'print JSON')
    .action(async (file: string, _o, command: Command) => {
      let log: unknown;
      try {
        log = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw errors.checkinLogInvalid(
          `${file} is not a JSON check-in log (${(error as Error).message})`,
        );
      }
      const r = await withStore(command, false, (store) =>
        store.checkin.merge(log, actorOf(command)),
      );
      output(command, r, () =>
        [
          `merged ${r.received} records of ${r.stations.join(', ') || 'no station'}: ${r.added} new, ${r.alreadyHad} already here`,
          ...r.householdMoves
            .filter((m) => m.done)
            .map((m) => `case ${m.householdId}: ${m.from} → ${m.to}`),
          r.conflicts.length > 0
            ? `${r.conflicts.length} conflict(s) to decide: corridor checkin conflicts`
            : 'no conflicts',
        ].join('\n'),
      );
    });
  c.command('conflicts [movement]')
    .description('persons whose status stations disagree on (boarded at one, no-show at another)')
    .option('--json', 'print JSON')
    .action(async (movement: string | undefined, _o, command: Command) => {
      const list = await withStore(command, false, (store) => store.checkin.conflicts(movement));
      output(command, list, () =>
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
    });
  c.command('resolve <movement> <person>')
    .description(
      'decide a conflict: a new record that settles the disagreeing ones (kept, never overwritten)',
    )
    .option('--status <status>', checkinStatuses.join(', '))
    .option('--note <text>', 'why (required; kept with the decision)')
    .option('--station <id>', "this desk's station id")
    .option('--json', 'print JSON')
    .action(async (movement: string, person: string, _o, command: Command) => {
      const o = command.optsWithGlobals<{ status?: string; note?: string; station?: string }>();
      const note = o.note;
      if (!note) throw errors.invalidInput('a decision needs --note "why"');
      const result = await withStore(command, false, (store) =>
        store.checkin.resolve(
          {
            movementId: movement,
            personId: person,
            status: status(o.status),
            note,
            ...(o.station ? { station: o.station } : {}),
          },
          actorOf(command),
        ),
      );
      output(command, result, () => resultText(result));
    });
}
