/** `corridor dedup scan|list|decide`: the duplicates review queue. */
import { decideDuplicate, listDuplicates, scanDuplicates, type PairOut } from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;

/** Registers `corridor dedup`. */
export function registerDedup(program: Command): void {
  const d = program
    .command('dedup')
    .description('find possible duplicate registrations and decide them');
  bindCli<{ added: number }>(
    d
      .command('scan')
      .description(
        'run the duplicate rules (same document number; similar name, birth year and household size)',
      )
      .option('--json', 'print JSON'),
    scanDuplicates,
    () => ({}),
    ({ added }) => `${added} new pairs queued for review`,
  );
  bindCli<PairOut[]>(
    d
      .command('list')
      .description('list pairs in the review queue')
      .option('--status <status>', 'open, merged or distinct (default: all)')
      .option('--json', 'print JSON'),
    listDuplicates,
    (_args, o: Options) => (o.status === undefined ? {} : { status: String(o.status) }),
    (pairs) =>
      pairs.length === 0
        ? 'no pairs'
        : table(
            ['pair', 'a', 'b', 'rule', 'score', 'status', 'note'],
            pairs.map((p) => [p.id, p.a, p.b, p.rule, p.score, p.status, p.note ?? '']),
          ),
  );
  bindCli<PairOut>(
    d
      .command('decide <pair>')
      .description(
        'settle a pair: --merge (keeping --keep, default a) or --distinct; a --note is required',
      )
      .option('--merge', 'the two records are one person')
      .option('--distinct', 'the two records are different persons')
      .option('--keep <person>', 'with --merge: the person record to keep')
      .requiredOption('--note <text>', 'why (kept with the decision)')
      .option('--json', 'print JSON'),
    decideDuplicate,
    ([pair], o: Options) => {
      if (!/^\d{1,15}$/.test(pair ?? '') || Number(pair) < 1)
        throw errors.invalidInput(
          `pair must be a pair number from \`corridor dedup list\`, not "${pair}"`,
        );
      if (Boolean(o.merge) === Boolean(o.distinct))
        throw errors.invalidInput('give exactly one of --merge or --distinct');
      return {
        id: Number(pair),
        decision: o.merge ? 'merge' : 'distinct',
        note: String(o.note),
        ...(o.keep === undefined ? {} : { keep: String(o.keep) }),
      };
    },
    (decided) => `pair ${decided.id}: ${decided.status}`,
  );
}
