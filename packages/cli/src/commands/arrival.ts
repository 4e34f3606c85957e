/**
 * `corridor arrival confirm|link|list|follow-ups|follow-up|handover`: after arrival (issue 23
 * item 5) — confirmations by the receiving state or partner, single-use confirmation links, the
 * follow-up contacts at 1, 3 and 12 months, and the redacted case file for the receiving agency.
 */
import {
  confirmArrival,
  createArrivalLink,
  handoverCase,
  listArrivals,
  listFollowUps,
  recordFollowUp,
  type CommandOutput,
  type FollowUpOut,
} from '@corridor/commands';
import { arrivalLinkDays, followUpMonths, followUpOutcomes } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { given } from '../given.js';
import { bindCli } from '../run-command.js';

const followUpRows = (list: FollowUpOut[]) =>
  list.length === 0
    ? 'no follow-ups'
    : table(
        ['case', 'month', 'due', 'done', 'outcome', 'by'],
        list.map((f) => [
          f.case,
          String(f.month),
          f.dueOn + (f.overdue ? ' OVERDUE' : ''),
          f.doneOn ?? '',
          f.outcome ?? '',
          f.recordedBy ?? '',
        ]),
      );

type Confirmed = CommandOutput<typeof confirmArrival>;
type Handed = { file?: string; case: string; state: string; persons: number; basis: string };

/** Registers `corridor arrival`. */
export function registerArrival(program: Command): void {
  const arrival = program
    .command('arrival')
    .description('after arrival: confirmations, confirmation links, follow-ups and handover');
  bindCli<Confirmed>(
    arrival
      .command('confirm <case>')
      .description(
        'confirm that a departed case arrived; sets the follow-ups at 1, 3 and 12 months',
      )
      .option('--partner <name>', 'who confirms: the receiving office or agency (required)')
      .option('--on <day>', 'the day of arrival, YYYY-MM-DD (default today)')
      .option('--json', 'print JSON'),
    confirmArrival,
    ([caseId], o) => ({ caseId, ...given(o, { partner: 'partner', on: 'arrivedOn' }) }),
    (c) =>
      [
        `case ${c.case} arrived on ${c.arrivedOn}, confirmed by ${c.partner}`,
        followUpRows(c.followUps),
      ].join('\n'),
  );
  bindCli<CommandOutput<typeof createArrivalLink>>(
    arrival
      .command('link <case>')
      .description('issue a single-use link a receiving partner uses to confirm the arrival')
      .option('--partner <name>', 'the office or agency the link is for (required)')
      .option(
        '--days <n>',
        `how long it is valid (default ${arrivalLinkDays.default}, at most ${arrivalLinkDays.max})`,
      )
      .option('--json', 'print JSON'),
    createArrivalLink,
    ([caseId], o) => ({ caseId, ...given(o, { partner: 'partner', days: 'days' }) }),
    (l) =>
      [
        `link ${l.id} for ${l.partner} (case ${l.case}), valid until ${l.expiresAt}, single use:`,
        `  in a browser: <server>${l.page}`,
        `  from a system: POST <server>${l.path}`,
        'The token is shown only now: Corridor keeps its SHA-256, not the token.',
      ].join('\n'),
  );
  bindCli<CommandOutput<typeof listArrivals>>(
    arrival
      .command('list')
      .description('arrival confirmations, newest first')
      .option('--case <id>', 'only this case')
      .option('--json', 'print JSON'),
    listArrivals,
    (_args, o) => given(o, { case: 'caseId' }),
    (list) =>
      list.length === 0
        ? 'no arrival confirmations'
        : table(
            ['case', 'arrived', 'partner', 'via', 'by'],
            list.map((c) => [c.case, c.arrivedOn, c.partner, c.via, c.confirmedBy]),
          ),
  );
  bindCli<FollowUpOut[]>(
    arrival
      .command('follow-ups')
      .description('follow-ups 1, 3 and 12 months after arrival, earliest due first')
      .option('--case <id>', 'only this case')
      .option('--due', 'only those not made and due by today')
      .option('--json', 'print JSON'),
    listFollowUps,
    (_args, o) => given(o, { case: 'caseId', due: 'due' }),
    followUpRows,
  );
  bindCli<FollowUpOut>(
    arrival
      .command('follow-up <case>')
      .description('record a follow-up contact and what it found')
      .option('--month <n>', `${followUpMonths.join(', ')} (required)`)
      .option('--outcome <code>', `${followUpOutcomes.join(', ')} (required)`)
      .option('--on <day>', 'the day of the contact, YYYY-MM-DD (default today)')
      .option('--json', 'print JSON'),
    recordFollowUp,
    ([caseId], o) => ({
      caseId,
      ...given(o, { month: 'month', outcome: 'outcome', on: 'doneOn' }),
    }),
    (f) => `case ${f.case}: ${f.month}-month follow-up on ${f.doneOn}: ${f.outcome}`,
  );
  bindCli<Handed>(
    arrival
      .command('handover <case>')
      .description(
        'write the redacted case file for the receiving agency (JSON); needs referral consent',
      )
      .option('--out <file>', 'file to write (default: standard output)')
      .option('--json', 'with --out: print what was written as JSON'),
    handoverCase,
    ([caseId]) => ({ caseId }),
    (h) =>
      `case ${h.case} handed over to ${h.state}${h.file ? ` in ${h.file}` : ''}: ${h.persons} persons, basis ${h.basis}`,
    { file: { stdout: true } },
  );
}
