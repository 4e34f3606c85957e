/** `corridor custody add-item|event|list|verify|record`: belongings and their chain of custody (M9). */
import {
  belongingCategories,
  custodyKinds,
  maySee,
  redactBelonging,
  type CustodyEventInput,
  type Role,
} from '@corridor/core';
import { custodyRecordPdf } from '@corridor/commands';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, string | undefined>;

/** Registers `corridor custody`. */
export function registerCustody(program: Command): void {
  const custody = program
    .command('custody')
    .description('belongings per person and their tamper-evident chain of custody');

  custody
    .command('add-item <person>')
    .description('record a belonging of a person (the description is encrypted with their key)')
    .requiredOption('--id <id>', 'item id, e.g. B-00001')
    .requiredOption('--category <category>', belongingCategories.join(', '))
    .option('--description <text>', 'what it is (make, colour, marks)', '')
    .option('--json', 'print JSON')
    .action(async (personId: string, o: Options, command: Command) => {
      const item = {
        id: String(o.id),
        personId,
        category: String(o.category) as (typeof belongingCategories)[number],
        description: o.description ?? '',
      };
      await withStore(command, false, (store) => store.custody.addItems([item], actorOf(command)));
      output(
        command,
        { id: item.id, personId, category: item.category },
        () => `belonging ${item.id} recorded`,
      );
    });

  custody
    .command('event <item>')
    .description(
      'append a custody event; the order must follow the state machine (docs/property.md)',
    )
    .requiredOption('--kind <kind>', custodyKinds.join(', '))
    .requiredOption('--at <datetime>', 'ISO 8601 with offset, e.g. 2031-06-30T05:40:00+03:00')
    .option('--to <whom>', 'handed over to whom (handed-over)')
    .option('--by <whom>', 'confiscated by whom (confiscated)')
    .option('--witness <name>', 'who saw it')
    .option('--place <place>', 'where')
    .option('--receipt <text>', 'receipt number, or "none given"')
    .option('--note <text>', 'anything else')
    .option('--json', 'print JSON')
    .action(async (itemId: string, o: Options, command: Command) => {
      const input = {
        itemId,
        kind: o.kind as CustodyEventInput['kind'],
        at: String(o.at),
        ...Object.fromEntries(
          (['to', 'by', 'witness', 'place', 'receipt', 'note'] as const)
            .filter((k) => o[k] !== undefined)
            .map((k) => [k, o[k]]),
        ),
      };
      const actor = actorOf(command);
      const [event] = await withStore(command, false, (store) =>
        store.custody.addEvents([input], actor),
      );
      const shown = maySee(actor.role as Role, 'custodyDetail')
        ? event!
        : { ...event!, detail: null };
      output(
        command,
        shown,
        () =>
          `${itemId} #${event!.seq} ${event!.kind} recorded (hash ${event!.hash.slice(0, 16)}…)`,
      );
    });

  custody
    .command('list [person]')
    .description('belongings with their current state (one person’s, or everyone’s)')
    .option('--json', 'print JSON with every event')
    .action(async (personId: string | undefined, _o: Options, command: Command) => {
      const role = actorOf(command).role as Role;
      const items = (await withStore(command, false, (store) => store.custody.items(personId))).map(
        (i) => redactBelonging(i, role),
      );
      output(command, items, () =>
        table(
          ['item', 'person', 'category', 'state', 'events', 'last event at'],
          items.map((i) => [
            i.id,
            i.personId,
            i.category,
            i.status,
            i.events.length,
            i.events.at(-1)?.at ?? '',
          ]),
        ),
      );
    });

  custody
    .command('verify')
    .description(
      'recompute every custody chain and its anchors in the audit log (exit code 3 when broken)',
    )
    .option('--json', 'print JSON')
    .action(async (_o: Options, command: Command) => {
      const verdict = await withStore(command, false, (store) => store.custody.verify());
      output(command, verdict, () =>
        verdict.ok
          ? `custody chains intact: ${verdict.items} items, ${verdict.events} events`
          : `custody chains BROKEN (${verdict.problems.length} problem(s)):\n${verdict.problems.map((p) => `  ${p}`).join('\n')}`,
      );
      if (!verdict.ok) process.exitCode = 3;
    });

  bindCli<{ file: string; items: number; personId: string }>(
    custody
      .command('record <person>')
      .description(
        "write one person's custody record as a PDF for a claim (names as your role may see them)",
      )
      .requiredOption('--out <file>', 'PDF file to write')
      .option('--json', 'print what was written as JSON'),
    custodyRecordPdf,
    ([personId]) => ({ personId }),
    (w) => `custody record of ${w.personId} written to ${w.file} (${w.items} items)`,
    { stdout: false },
  );
}
