/** `corridor custody add-item|event|list|verify|record`: belongings and their chain of custody (M9). */
import {
  addBelongings,
  listBelongings,
  personBelongings,
  recordCustodyEvent,
  verifyCustody,
} from '@corridor/commands';
import {
  belongingCategories,
  custodyKinds,
  type BelongingView,
  type CustodyEvent,
} from '@corridor/core';
import { custodyRecordPdf } from '@corridor/commands';
import type { CustodyVerdict } from '@corridor/storage';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

/** A broken chain ends the process with exit code 3; what is printed is the verdict itself. */
export function exitWhenBroken<V extends { ok: boolean }>(verdict: V): V {
  if (!verdict.ok) process.exitCode = 3;
  return verdict;
}

/** Registers `corridor custody`. */
export function registerCustody(program: Command): void {
  const custody = program
    .command('custody')
    .description('belongings per person and their tamper-evident chain of custody');

  bindCli<{ id: string; personId: string; category: string }>(
    custody
      .command('add-item <person>')
      .description('record a belonging of a person (the description is encrypted with their key)')
      .requiredOption('--id <id>', 'item id, e.g. B-00001')
      .requiredOption('--category <category>', belongingCategories.join(', '))
      .option('--description <text>', 'what it is (make, colour, marks)', '')
      .option('--json', 'print JSON'),
    addBelongings,
    ([personId], o: Record<string, unknown>) => ({
      personId,
      items: [{ id: o.id, category: o.category, description: o.description ?? '' }],
    }),
    (out) => `belonging ${out.id} recorded`,
  );

  bindCli<CustodyEvent>(
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
      .option('--json', 'print JSON'),
    recordCustodyEvent,
    ([itemId], o: Record<string, unknown>) => ({
      itemId,
      kind: o.kind,
      at: o.at,
      ...Object.fromEntries(
        (['to', 'by', 'witness', 'place', 'receipt', 'note'] as const)
          .filter((k) => o[k] !== undefined)
          .map((k) => [k, o[k]]),
      ),
    }),
    (e) => `${e.itemId} #${e.seq} ${e.kind} recorded (hash ${e.hash.slice(0, 16)}…)`,
  );

  bindCli<BelongingView[]>(
    custody
      .command('list [person]')
      .description('belongings with their current state (one person’s, or everyone’s)')
      .option('--json', 'print JSON with every event'),
    listBelongings,
    ([personId]) => ({ personId }),
    (items) =>
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

  bindCli<{ personId: string; householdId: string; items: BelongingView[] }>(
    custody
      .command('belongings <person>')
      .description(
        "a person's case and belongings with every event (as GET /api/persons/:id/belongings)",
      )
      .option('--json', 'print JSON'),
    personBelongings,
    ([personId]) => ({ personId }),
    (r) =>
      `${r.personId} (case ${r.householdId}): ${r.items.length} belonging(s)` +
      r.items.map((i) => `\n  ${i.id} ${i.category} ${i.status}`).join(''),
  );

  bindCli<CustodyVerdict>(
    custody
      .command('verify')
      .description(
        'recompute every custody chain and its anchors in the audit log (exit code 3 when broken)',
      )
      .option('--json', 'print JSON'),
    verifyCustody,
    () => ({}),
    (verdict) =>
      verdict.ok
        ? `custody chains intact: ${verdict.items} items, ${verdict.events} events`
        : `custody chains BROKEN (${verdict.problems.length} problem(s)):\n${verdict.problems.map((p) => `  ${p}`).join('\n')}`,
    { deliver: exitWhenBroken },
  );

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
    { file: { stdout: false } },
  );
}
