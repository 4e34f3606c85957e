/**
 * `corridor grievance add|list|show|respond|status` and `corridor appeal file|decide|list`: the
 * complaint log per case with deadlines, and appeals against an allocation (issue 23 item 2).
 */
import {
  addGrievance,
  decideAppeal,
  fileAppeal,
  listAppeals,
  listGrievances,
  respondGrievance,
  showGrievance,
  updateGrievanceStatus,
  type AppealOut,
  type GrievanceOut,
  type GrievanceRow,
} from '@corridor/commands';
import {
  grievanceCategories,
  grievanceChannels,
  grievanceStatuses,
  grievanceUrgencies,
} from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { given } from '../given.js';
import { bindCli } from '../run-command.js';

const rows = (list: GrievanceRow[]) =>
  list.length === 0
    ? 'no grievances'
    : table(
        ['grievance', 'case', 'channel', 'category', 'urgency', 'status', 'due', 'overdue'],
        list.map((g) => [
          g.id + (g.confidential ? ' (confidential)' : ''),
          g.case,
          g.channel,
          g.category,
          g.urgency,
          g.status,
          g.dueAt.slice(0, 10),
          g.overdue ? 'OVERDUE' : '',
        ]),
      );

/** One grievance for people: its row, its words, its history. */
function shown(g: GrievanceOut): string {
  return [
    rows([g]),
    `received ${g.receivedAt} by ${g.loggedBy}`,
    `text: ${g.text ?? '(hidden for your role)'}`,
    'history:',
    ...g.history.map(
      (h) =>
        `  ${h.at}  ${h.from ?? '-'} -> ${h.to}  ${h.actor} (${h.role})` +
        (h.kind === 'response' ? ' answered' : '') +
        (h.text === null ? '' : `: ${h.text}`),
    ),
  ].join('\n');
}

const appealLine = (a: AppealOut) =>
  `appeal ${a.id} (case ${a.case}): ${a.status}; allocated ${a.destination ?? 'nowhere'} in plan ${a.planId}` +
  (a.requestedDestination ? `, asks for ${a.requestedDestination}` : '') +
  (a.decision
    ? `; ${a.decision.outcome} by ${a.decision.by} at ${a.decision.at}` +
      (a.decision.newDestination
        ? ` -> ${a.decision.newDestination} (plan ${a.decision.newPlanId})`
        : '') +
      (a.decision.reason === null ? '' : `: ${a.decision.reason}`)
    : '');

/** Registers `corridor grievance` and `corridor appeal`. */
export function registerGrievance(program: Command): void {
  const grievance = program
    .command('grievance')
    .description('the grievance log: complaints per case, their deadlines and answers');
  bindCli<GrievanceRow>(
    grievance
      .command('add')
      .description('log a complaint; its words are sealed under the case members’ keys')
      .option('--case <id>', 'the case (required)')
      .option('--channel <channel>', grievanceChannels.join(', '))
      .option('--category <category>', grievanceCategories.join(', '))
      .option('--urgency <urgency>', `${grievanceUrgencies.join(', ')} (default normal)`)
      .option('--text <text>', 'the complaint in the words given (required)')
      .option('--received-at <time>', 'when it was received, ISO 8601 with a zone (default now)')
      .option(
        '--confidential',
        'only protection officers (and the admin) see it, or that it exists',
      )
      .option('--json', 'print JSON'),
    addGrievance,
    (_args, o) =>
      given(o, {
        case: 'caseId',
        channel: 'channel',
        category: 'category',
        urgency: 'urgency',
        text: 'text',
        receivedAt: 'receivedAt',
        confidential: 'confidential',
      }),
    (g) =>
      `grievance ${g.id} logged for case ${g.case}${g.confidential ? ' (confidential)' : ''}: ${g.urgency}, due ${g.dueAt}`,
  );
  bindCli<GrievanceRow[]>(
    grievance
      .command('list')
      .description('the log, earliest deadline first; overdue ones marked')
      .option('--case <id>', 'only this case')
      .option('--status <status>', grievanceStatuses.join(', '))
      .option('--overdue', 'only those waiting for an answer past their deadline')
      .option('--json', 'print JSON'),
    listGrievances,
    (_args, o) => given(o, { case: 'caseId', status: 'status', overdue: 'overdue' }),
    rows,
  );
  bindCli<GrievanceOut>(
    grievance
      .command('show <id>')
      .description('one grievance with its words and history')
      .option('--json', 'print JSON'),
    showGrievance,
    ([id]) => ({ id }),
    shown,
  );
  bindCli<GrievanceOut>(
    grievance
      .command('respond <id>')
      .description('record the answer given (sealed); --close closes the grievance')
      .option('--text <text>', 'the answer given (required)')
      .option('--close', 'close the grievance with this answer')
      .option('--json', 'print JSON'),
    respondGrievance,
    ([id], o) => ({ id, ...given(o, { text: 'text' }), close: o.close === true }),
    shown,
  );
  bindCli<GrievanceOut>(
    grievance
      .command('status <id>')
      .alias('update-status')
      .description('acknowledge, escalate, close or reopen a grievance')
      .option('--status <status>', grievanceStatuses.join(', '))
      .option('--note <text>', 'why (sealed)')
      .option('--json', 'print JSON'),
    updateGrievanceStatus,
    ([id], o) => ({ id, ...given(o, { status: 'status', note: 'note' }) }),
    shown,
  );

  const appeal = program
    .command('appeal')
    .description('appeals against an allocation: filed with its explanation, decided, re-planned');
  bindCli<AppealOut>(
    appeal
      .command('file')
      .description('appeal against a case’s allocation; the explanation is re-run and kept')
      .option('--case <id>', 'the case (required)')
      .option('--grounds <text>', 'why the household appeals (required; sealed)')
      .option('--destination <id>', 'the destination the household asks for')
      .option('--json', 'print JSON'),
    fileAppeal,
    (_args, o) =>
      given(o, { case: 'caseId', grounds: 'grounds', destination: 'requestedDestinationId' }),
    appealLine,
  );
  bindCli<AppealOut>(
    appeal
      .command('decide <id>')
      .description('uphold (re-plans the case: new allocation version and a lock) or reject')
      .option('--upheld', 'uphold the appeal')
      .option('--rejected', 'reject the appeal')
      .option('--reason <text>', 'why (required; sealed)')
      .option('--destination <id>', 'where an upheld appeal moves the case (default: requested)')
      .option('--json', 'print JSON'),
    decideAppeal,
    ([id], o) => ({
      id,
      ...(o.upheld === true && o.rejected !== true
        ? { outcome: 'upheld' }
        : o.rejected === true && o.upheld !== true
          ? { outcome: 'rejected' }
          : {}),
      ...given(o, { reason: 'reason', destination: 'destinationId' }),
    }),
    appealLine,
  );
  bindCli<AppealOut[]>(
    appeal
      .command('list')
      .description('appeals, newest first')
      .option('--case <id>', 'only this case')
      .option('--status <status>', 'filed, upheld or rejected')
      .option('--json', 'print JSON'),
    listAppeals,
    (_args, o) => given(o, { case: 'caseId', status: 'status' }),
    (list) => (list.length === 0 ? 'no appeals' : list.map(appealLine).join('\n')),
  );
}
