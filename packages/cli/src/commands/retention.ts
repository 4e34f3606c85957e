/**
 * `corridor retention show|set|run|reports` and `corridor legal-hold place|release|list`: how long
 * each category of personal data is kept, the job that shreds what is due, and the holds it skips.
 */
import {
  listLegalHolds,
  placeLegalHold,
  releaseLegalHold,
  retentionReports,
  runRetention,
  setRetention,
  showRetention,
  type HoldOut,
  type ReportOut,
  type ScheduleOut,
} from '@corridor/commands';
import type { Command } from 'commander';
import type { z } from 'zod';
import { bindCli } from '../run-command.js';

type Schedule = z.output<typeof ScheduleOut>;
type Report = z.output<typeof ReportOut>;
type Hold = z.output<typeof HoldOut>;

const scheduleLine = (s: Schedule) =>
  `${s.category.padEnd(11)} ${String(s.days).padStart(5)} days after ${s.after.padEnd(9)} ${s.action.padEnd(7)} ${s.isDefault ? '(default)' : `(set by ${s.updatedBy} at ${s.updatedAt})`}  ${s.what}`;

/** A report for people: one line per category, then what stays. */
export function reportText(r: Report): string {
  const head = r.dryRun
    ? `retention dry run as of ${r.asOf}: nothing was written`
    : `retention run ${r.id} as of ${r.asOf} by ${r.actor}`;
  const lines = r.categories.map((c) => {
    const what =
      c.action === 'shred'
        ? `${r.dryRun ? c.due : c.shredded} ${r.dryRun ? 'due' : 'shredded'} (${c.persons.length} persons)`
        : `${c.due} due, reported only${c.items.length ? `: ${c.items.join(', ')}` : ''}`;
    const held = c.held
      ? `; ${c.held} kept under legal hold (${c.heldPersons.length} persons)`
      : '';
    const open = c.notFinal ? `; ${c.notFinal} not final on disk (see remains)` : '';
    return `  ${c.category.padEnd(11)} ${c.days} days after ${c.after}: ${what}${held}${open}`;
  });
  const final = r.dryRun
    ? []
    : [
        r.finalBy === null
          ? r.final
            ? 'nothing shredded needed a key rotation'
            : 'not final on disk: shredded before items had secrets of their own'
          : `${r.final ? 'final' : 'final at the latest'} on disk at ${r.finalBy}`,
      ];
  return [head, ...lines, ...final, `${r.activeHolds} active legal holds`].join('\n');
}

const holdLine = (h: Hold) =>
  `${h.id}  ${h.subject} ${h.subjectId}  placed by ${h.placedBy} at ${h.placedAt}` +
  (h.releasedAt ? `, released by ${h.releasedBy} at ${h.releasedAt}` : ', active') +
  (h.reason === null ? '' : `\n    reason: ${h.reason}`);

const holdTarget = (c: Command) =>
  c
    .option('--person <id>', 'the person held')
    .option('--case <id>', 'the case held (all its members)')
    .option('--json', 'print JSON');

const subjectOf = (o: Record<string, unknown>) => ({
  ...(o.person === undefined ? {} : { person: String(o.person) }),
  ...(o.case === undefined ? {} : { case: String(o.case) }),
});

/** Registers `corridor retention` and `corridor legal-hold`. */
export function registerRetention(program: Command): void {
  const retention = program
    .command('retention')
    .description('retention schedules per data category, the job that applies them, its reports');
  bindCli<{ schedules: Schedule[] }>(
    retention
      .command('show')
      .description('every category’s schedule')
      .option('--json', 'print JSON'),
    showRetention,
    () => ({}),
    (out) => out.schedules.map(scheduleLine).join('\n'),
  );
  bindCli<Schedule>(
    retention
      .command('set')
      .description('set how long one category is kept (admin); audited')
      .option('--category <name>', 'documents, checkin, case-notes, audit or backups')
      .option('--days <n>', 'days to keep it')
      .option('--after <event>', 'counted from: arrival, closure, movement, event or expiry')
      .option('--json', 'print JSON'),
    setRetention,
    (_, o) => ({
      category: o.category,
      days: o.days,
      ...(o.after === undefined ? {} : { after: o.after }),
    }),
    scheduleLine,
  );
  bindCli<Report>(
    retention
      .command('run')
      .description(
        'shred what is due now (legal holds kept) and keep a report; the server also runs it daily',
      )
      .option('--dry-run', 'say what would be shredded, and write nothing')
      .option('--json', 'print JSON'),
    runRetention,
    (_, o) => ({ dryRun: o.dryRun === true }),
    reportText,
  );
  bindCli<{ reports: Report[] }>(
    retention
      .command('reports')
      .description('what earlier runs shredded (ids and counts only)')
      .option('--limit <n>', 'at most this many (default 20)')
      .option('--json', 'print JSON'),
    retentionReports,
    (_, o) => (o.limit === undefined ? {} : { limit: o.limit }),
    (out) =>
      out.reports.length ? out.reports.map(reportText).join('\n\n') : 'no retention run yet',
  );

  const hold = program
    .command('legal-hold')
    .description('legal holds: the retention job skips held persons and cases, erasure is refused');
  bindCli<Hold>(
    holdTarget(hold.command('place').description('place a hold on a person or case')).option(
      '--reason <text>',
      'why (sealed under the keys of the persons it concerns)',
    ),
    placeLegalHold,
    (_, o) => ({ ...subjectOf(o), reason: o.reason }),
    holdLine,
  );
  bindCli<Hold>(
    holdTarget(hold.command('release').description('release the hold on a person or case')),
    releaseLegalHold,
    (_, o) => subjectOf(o),
    holdLine,
  );
  bindCli<{ holds: Hold[] }>(
    hold
      .command('list')
      .description('legal holds, newest first')
      .option('--active', 'only holds not released')
      .option('--json', 'print JSON'),
    listLegalHolds,
    (_, o) => ({ active: o.active === true }),
    (out) => (out.holds.length ? out.holds.map(holdLine).join('\n') : 'no legal hold'),
  );
}
