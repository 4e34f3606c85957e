/**
 * `corridor procedure template|record|show|list|import`: host-state procedures (issue 21) — each
 * state's steps, and per case the dates, outcomes and expiries that set when it can travel.
 */
import { existsSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  importProcedures,
  listProcedures,
  recordProcedureStep,
  setProcedureTemplate,
  showProcedures,
  showProcedureTemplate,
  type ListedOut,
  type RecordOut,
  type StandingOut,
  type TemplateOut,
} from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli, bindCliWays } from '../run-command.js';

function readFile(file: string | undefined): Buffer {
  if (!file || !existsSync(file)) throw errors.invalidInput(`no file at ${file}`);
  return readFileSync(file);
}

const templateText = (t: TemplateOut) =>
  `procedure of ${t.state}${t.stored ? '' : ' (default)'}:\n` +
  table(
    ['#', 'step', 'typical days', 'expires', 'required'],
    t.steps.map((s, k) => [
      k + 1,
      s.step,
      s.typicalDays,
      s.expires ? 'yes' : '',
      s.required ? 'yes' : 'no',
    ]),
  );

const dash = (v: string | null | undefined) => v ?? '-';

const standingText = (s: StandingOut) =>
  `case ${s.case} with ${s.state}: ` +
  (s.refused
    ? 'refused'
    : s.readyDate
      ? `ready ${s.readyDate}`
      : `expected ready ${dash(s.expectedReadyDate)} (pending: ${s.pendingSteps.join(', ')})`) +
  (s.failedChecks.length ? `; failed, to repeat: ${s.failedChecks.join(', ')}` : '') +
  (s.latestDate ? `, must travel by ${s.latestDate}` : '') +
  '\n' +
  table(
    ['step', 'date', 'outcome', 'expires', 'note'],
    s.steps.map((x) => [x.step, dash(x.date), x.outcome, dash(x.expires), x.note ?? '']),
  );

/** Registers `corridor procedure`. */
export function registerProcedure(program: Command): void {
  const procedure = program
    .command('procedure')
    .description("host-state procedures: each state's steps, and each case's dates and expiries");
  bindCliWays<TemplateOut>(
    procedure
      .command('template <state>')
      .description("show a state's procedure template, or set it from a JSON file with --set")
      .option(
        '--set <file>',
        'JSON: [{ "step", "typicalDays", "expires", "required" }, …] in order',
      )
      .option('--json', 'print JSON'),
    [
      {
        command: setProcedureTemplate,
        when: (o) => o.set !== undefined,
        toInput: ([state], o) => {
          let steps: unknown;
          try {
            steps = JSON.parse(readFile(String(o.set)).toString('utf8'));
          } catch (error) {
            if ((error as { id?: string }).id) throw error;
            throw errors.invalidInput(`${String(o.set)} is not JSON: ${(error as Error).message}`);
          }
          return {
            state,
            steps: Array.isArray(steps) ? steps : (steps as { steps?: unknown })?.steps,
          };
        },
        text: templateText,
      },
      { command: showProcedureTemplate, toInput: ([state]) => ({ state }), text: templateText },
    ],
  );
  bindCli<RecordOut>(
    procedure
      .command('record')
      .description(
        'record one step of a case’s procedure with a state (a refusal returns the case for another referral)',
      )
      .requiredOption('--case <id>', 'the case')
      .requiredOption('--state <id>', 'the destination (host state)')
      .requiredOption('--step <name>', 'a step of the state’s template, e.g. visa')
      .option('--date <date>', 'YYYY-MM-DD the step happened')
      .requiredOption('--outcome <outcome>', 'pending, done, positive or negative (refused)')
      .option('--expires <date>', 'YYYY-MM-DD the document expires')
      .option('--note <text>', 'free text, sealed under the members’ keys')
      .option('--json', 'print JSON'),
    recordProcedureStep,
    (_args, o) => ({
      caseId: o.case,
      state: o.state,
      step: o.step,
      outcome: String(o.outcome).toLowerCase() === 'refused' ? 'negative' : o.outcome,
      ...(o.date === undefined ? {} : { date: o.date }),
      ...(o.expires === undefined ? {} : { expires: o.expires }),
      ...(o.note === undefined ? {} : { note: o.note }),
    }),
    (r) =>
      standingText(r) +
      (r.caseMoved ? `\ncase ${r.case} moved ${r.caseMoved.from} → ${r.caseMoved.to}` : '') +
      (r.proposal
        ? r.proposal.mustMove
          ? `\n${r.proposal.failedCheck} failed: ${r.proposal.movementId} leaves ${r.proposal.departs} before the check can pass again, so the case must move (${r.proposal.seatsFreed} seats freed). Next:\n  ${r.proposal.next.join('\n  ')}`
          : `\n${r.proposal.failedCheck} failed: not a refusal; repeat the check (${r.proposal.movementId ? `${r.proposal.movementId} can still carry the case` : 'the case is on no movement yet'})`
        : ''),
  );
  bindCli<{ case: string; states: StandingOut[] }>(
    procedure
      .command('show <case>')
      .description('a case’s procedures per state, with its ready date and latest date')
      .option('--json', 'print JSON'),
    showProcedures,
    ([caseId]) => ({ caseId }),
    (r) =>
      r.states.length === 0
        ? `case ${r.case}: no procedure step recorded`
        : r.states.map(standingText).join('\n\n'),
  );
  bindCli<{ asOf: string; total: number; procedures: ListedOut[] }>(
    procedure
      .command('list')
      .description('procedures across cases: by state, pending step, or documents expiring soon')
      .option('--state <id>', 'only this destination')
      .option('--pending <step>', 'only cases for which this step is still pending')
      .option('--expiring <days>', 'only cases with a valid document expiring within these days')
      .option('--limit <n>', 'at most this many rows (default 1000)')
      .option('--json', 'print JSON'),
    listProcedures,
    (_args, o) => ({
      ...(o.state === undefined ? {} : { state: o.state }),
      ...(o.pending === undefined ? {} : { pending: o.pending }),
      ...(o.expiring === undefined ? {} : { expiringWithin: o.expiring }),
      ...(o.limit === undefined ? {} : { limit: o.limit }),
    }),
    (r) =>
      `${r.total} procedure(s) as of ${r.asOf}\n` +
      table(
        ['case', 'state', 'ready', 'latest', 'pending', 'expiring'],
        r.procedures.map((p) => [
          p.case,
          p.state,
          p.refused
            ? 'refused'
            : dash(p.readyDate ?? (p.expectedReadyDate && `~${p.expectedReadyDate}`)),
          dash(p.latestDate),
          p.pendingSteps.join(', '),
          p.expiring.map((e) => `${e.step} ${e.expires}`).join(', '),
        ]),
      ),
  );
  bindCli<{ imported: number; cases: number; refusals: number; returnedForReferral: number }>(
    procedure
      .command('import <file>')
      .description(
        'import steps from CSV or XLSX (columns case, state, step, date, outcome, expires, note); all or nothing, every bad row named',
      )
      .option('--format <format>', 'csv or xlsx (default: from the file name)')
      .option('--json', 'print JSON'),
    importProcedures,
    ([file], o) => {
      const format = String(o.format ?? extname(file ?? '').slice(1)).toLowerCase();
      if (format !== 'csv' && format !== 'xlsx')
        throw errors.invalidInput(`cannot tell the format of ${file}; give --format csv or xlsx`);
      return { content: readFile(file).toString('base64'), format };
    },
    (r) =>
      `${r.imported} step(s) imported for ${r.cases} case(s)` +
      (r.refusals
        ? `; ${r.refusals} refusal(s), ${r.returnedForReferral} case(s) returned for another referral`
        : ''),
  );
}
