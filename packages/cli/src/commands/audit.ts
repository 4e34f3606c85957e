/** `corridor audit verify|head|list`: the hash-chained audit log. */
import { auditHead, listAuditEvents, verifyAudit } from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { exitWhenBroken } from './custody.js';

type Verdict = { ok: true; events: number } | { ok: false; seq: number; problem: string };
type Head = { seq: number; hash: string };
type Event = {
  seq: number;
  at: string;
  actor: string;
  role: string;
  action: string;
  entity: string;
  entityId: string;
};

/** Registers `corridor audit`. */
export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('the audit log: every write, chained by hashes');
  bindCli<Verdict>(
    audit
      .command('verify')
      .description(
        'recompute the chain; names the first event that was edited, inserted or removed',
      )
      .option(
        '--anchor <SEQ:HASH...>',
        'heads kept outside the database (from `corridor audit head`): each must still match',
      )
      .option('--json', 'print JSON'),
    verifyAudit,
    (_args, o: Record<string, unknown>) => {
      const anchors = (o.anchor as string[] | undefined) ?? [];
      return anchors.length > 0 ? { anchor: anchors.join(',') } : {};
    },
    (verdict) =>
      verdict.ok
        ? `audit chain intact: ${verdict.events} events`
        : `audit chain BROKEN at event ${verdict.seq}: ${verdict.problem}`,
    { deliver: exitWhenBroken },
  );
  bindCli<Head>(
    audit
      .command('head')
      .description(
        'the last event as SEQ:HASH: keep it outside the database (a report, a ticket) and give it to `audit verify --anchor` later',
      )
      .option('--json', 'print JSON'),
    auditHead,
    () => ({}),
    (head) => `${head.seq}:${head.hash}`,
  );
  bindCli<Event[]>(
    audit
      .command('list')
      .description('list audit events (no personal data is ever written to them)')
      .option('--after <seq>', 'only events after this sequence number', '0')
      .option('--limit <n>', 'at most this many', '100')
      .option('--json', 'print JSON'),
    listAuditEvents,
    (_args, o: Record<string, unknown>) => {
      const after = Number(o.after);
      const limit = Number(o.limit);
      if (
        !Number.isInteger(after) ||
        after < 0 ||
        !Number.isInteger(limit) ||
        limit < 1 ||
        limit > 10_000
      )
        throw errors.invalidInput('--after must be a whole number ≥ 0 and --limit from 1 to 10000');
      return { after, limit };
    },
    (events) =>
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
}
