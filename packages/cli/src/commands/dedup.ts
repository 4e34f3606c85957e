/** `corridor dedup scan|list|decide`: the duplicates review queue. */
import { errors } from '@corridor/core';
import type { DuplicatePair } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';

const statuses = ['open', 'merged', 'distinct'] as const;

/** Registers `corridor dedup`. */
export function registerDedup(program: Command): void {
  const d = program
    .command('dedup')
    .description('find possible duplicate registrations and decide them');
  d.command('scan')
    .description(
      'run the duplicate rules (same document number; similar name, birth year and household size)',
    )
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const added = await withStore(command, false, (store) =>
        store.registry.scanDuplicates(actorOf(command)),
      );
      output(command, { added }, () => `${added} new pairs queued for review`);
    });
  d.command('list')
    .description('list pairs in the review queue')
    .option('--status <status>', 'open, merged or distinct (default: all)')
    .option('--json', 'print JSON')
    .action(async (opts: { status?: string }, command: Command) => {
      const status = opts.status;
      if (status !== undefined && !(statuses as readonly string[]).includes(status)) {
        throw errors.invalidInput(`--status must be open, merged or distinct, not "${status}"`);
      }
      const pairs = await withStore(command, false, (store) =>
        store.registry.duplicates(status as DuplicatePair['status'] | undefined),
      );
      output(command, pairs, () =>
        pairs.length === 0
          ? 'no pairs'
          : table(
              ['pair', 'a', 'b', 'rule', 'score', 'status', 'note'],
              pairs.map((p) => [p.id, p.a, p.b, p.rule, p.score, p.status, p.note ?? '']),
            ),
      );
    });
  d.command('decide <pair>')
    .description(
      'settle a pair: --merge (keeping --keep, default a) or --distinct; a --note is required',
    )
    .option('--merge', 'the two records are one person')
    .option('--distinct', 'the two records are different persons')
    .option('--keep <person>', 'with --merge: the person record to keep')
    .requiredOption('--note <text>', 'why (kept with the decision)')
    .option('--json', 'print JSON')
    .action(
      async (
        pair: string,
        opts: { merge?: boolean; distinct?: boolean; keep?: string; note: string },
        command: Command,
      ) => {
        const id = Number(pair);
        if (!Number.isInteger(id) || id < 1)
          throw errors.invalidInput(
            `pair must be a pair number from \`corridor dedup list\`, not "${pair}"`,
          );
        if (Boolean(opts.merge) === Boolean(opts.distinct))
          throw errors.invalidInput('give exactly one of --merge or --distinct');
        const decided = await withStore(command, false, (store) =>
          store.registry.decideDuplicate(
            id,
            {
              decision: opts.merge ? 'merge' : 'distinct',
              note: opts.note,
              ...(opts.keep ? { keep: opts.keep } : {}),
            },
            actorOf(command),
          ),
        );
        output(command, decided, () => `pair ${decided.id}: ${decided.status}`);
      },
    );
}
