/** `corridor audit verify|head|list`: the hash-chained audit log. */
import { errors } from '@corridor/core';
import { parseAuditAnchor } from '@corridor/storage';
import type { Command } from 'commander';
import { output, withStore } from '../context.js';
import { table } from '../format.js';

/** Registers `corridor audit`. */
export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('the audit log: every write, chained by hashes');
  audit
    .command('verify')
    .description('recompute the chain; names the first event that was edited, inserted or removed')
    .option(
      '--anchor <SEQ:HASH...>',
      'heads kept outside the database (from `corridor audit head`): each must still match',
    )
    .option('--json', 'print JSON')
    .action(async (opts: { anchor?: string[] }, command: Command) => {
      const anchors = (opts.anchor ?? []).map((a) => parseAuditAnchor(a));
      const verdict = await withStore(command, false, (store) => store.audit.verify(anchors));
      output(command, verdict, () =>
        verdict.ok
          ? `audit chain intact: ${verdict.events} events`
          : `audit chain BROKEN at event ${verdict.seq}: ${verdict.problem}`,
      );
      if (!verdict.ok) process.exitCode = 3;
    });
  audit
    .command('head')
    .description(
      'the last event as SEQ:HASH: keep it outside the database (a report, a ticket) and give it to `audit verify --anchor` later',
    )
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const head = await withStore(command, false, (store) => store.audit.head());
      output(
        command,
        { ...head, anchor: `${head.seq}:${head.hash}` },
        () => `${head.seq}:${head.hash}`,
      );
    });
  audit
    .command('list')
    .description('list audit events (no personal data is ever written to them)')
    .option('--after <seq>', 'only events after this sequence number', '0')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(async (opts: { after: string; limit: string }, command: Command) => {
      const after = Number(opts.after);
      const limit = Number(opts.limit);
      if (
        !Number.isInteger(after) ||
        after < 0 ||
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 10_000
      ) {
        throw errors.invalidInput('--after must be a whole number ≥ 0 and --limit from 1 to 10000');
      }
      const events = await withStore(command, false, (store) => store.audit.events(after, limit));
      output(command, events, () =>
        table(
          ['seq', 'at', 'actor', 'role', 'action', 'entity'],
          events.map((e) => [
            e.seq,
            e.at.slice(0, 19),
            e.actor,
            e.role,
            e.action,
            `${e.entity} ${e.entityId}`,
          ]),
        ),
      );
    });
}
