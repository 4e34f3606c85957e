/** `corridor schedule`, `corridor timetable`, `corridor move-case`, `corridor replan`: movements for every case (M5, M7). */
import { readFileSync, existsSync } from 'node:fs';
import {
  timetableCheckReassign,
  timetableReassignCase,
  timetableReplan,
  timetableSchedule,
  timetableShow,
  type MoveCheck,
  type ReassignResult,
  type ReplanSummary,
  type ScheduleSummary,
} from '@corridor/commands';
import { defaultHazardPrior, errors } from '@corridor/core';
import type { TimetableRow } from '@corridor/storage';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli, bindCliWays } from '../run-command.js';
import { withoutConsentLines } from './without-consent.js';

/** The events of `corridor replan`: `--event FILE`, and `procedures-changed` with `--procedures`. */
function replanEvents(o: Record<string, unknown>): unknown[] {
  if (o.event === undefined && !o.procedures)
    throw errors.invalidInput('give --event FILE, --procedures, or both');
  const listed = o.event === undefined ? [] : readEvents(String(o.event));
  return [
    ...(Array.isArray(listed) ? listed : [listed]),
    ...(o.procedures ? [{ type: 'procedures-changed' }] : []),
  ];
}

/** Reads `--event FILE`: one event, a list of events, or `{"events": [...]}`. */
function readEvents(file: string): unknown {
  if (!existsSync(file)) throw errors.invalidInput(`no events file at ${file}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw errors.invalidInput(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(parsed)) return parsed;
  if (parsed && typeof parsed === 'object' && 'events' in parsed)
    return (parsed as { events: unknown }).events;
  return [parsed];
}

/** What `corridor schedule` says about the candidate movements it chose from. */
function candidateLines(c: NonNullable<ScheduleSummary['candidates']>): string[] {
  const money = (n: number) => `${n.toLocaleString('en')} ${c.currency}`;
  return [
    `candidates: ${c.chosen.length} of ${c.offered} booked (${c.bookable} could still leave), cost ${money(c.totalCost)}${c.budget === null ? '' : ` of a ${money(c.budget)} budget`}`,
    ...c.chosen.map(
      (b) =>
        `  ${b.id} on ${b.day} to ${b.destinationId ?? 'hub'}: ${b.seats} seats, ${money(b.cost)}`,
    ),
    `exposure ${c.exposure} vs by hand (first offered first booked, first ready first served) ${c.firstReadyFirstServed.exposure} at ${money(c.firstReadyFirstServed.totalCost)}: ratio ${c.exposureRatio ?? '-'}`,
    `weights: exposure ${c.weights.exposure}, cost ${c.weights.cost} per minor unit, makespan ${c.weights.makespan} per day`,
  ];
}

/** Registers `corridor schedule`, `corridor timetable`, `corridor move-case` and `corridor replan`. */
export function registerSchedule(program: Command): void {
  bindCli<ScheduleSummary>(
    program
      .command('schedule')
      .description(
        'assign allocated cases to movements, minimising the exposure of the people still in the camp',
      )
      .option('--joint', 'choose destination and movement together (bins are movements)')
      .option('--needs-first', 'give cases with specific needs priority')
      .option(
        '--hazard-rate <n>',
        'expected incidents per day at the camp',
        String(defaultHazardPrior),
      )
      .option('--time-limit <seconds>', 'time limit of the search', '10')
      .option(
        '--risk <attitude>',
        'neutral: the mean hazard; averse: plan against its 90% upper quantile',
        'neutral',
      )
      .option(
        '--budget <amount>',
        'the most booked candidate movements may cost, in their currency (default: no limit)',
      )
      .option('--no-candidates', 'leave candidate movements out (plan on fixed movements only)')
      .option('--json', 'print JSON'),
    timetableSchedule,
    (_args, o) => ({
      joint: Boolean(o.joint),
      needsFirst: Boolean(o.needsFirst),
      hazardRate: o.hazardRate,
      timeLimit: o.timeLimit,
      risk: o.risk,
      candidates: o.candidates !== false,
      budget: o.budget,
    }),
    (out, input: { joint: boolean }) =>
      [
        `${input.joint ? 'joint' : 'timetable'} plan v${out.plan.version}: ${out.status}; exposure ${out.exposure} expected person-incidents (first-ready-first-served: ${out.firstReadyFirstServed.exposure})`,
        `makespan ${out.makespanDays} days from ${out.startDay}; ${out.movementsUsed} movements used; ${out.unusedSeats} seats unused; ${out.unplaced} cases without a movement`,
        `under the hazard's uncertainty (${out.risk.samples} sampled paths, planned ${out.risk.attitude}): expected ${out.risk.expected}, worst 10% (CVaR 90%) ${out.risk.cvar90}; first-ready-first-served CVaR 90% ${out.firstReadyFirstServed.cvar90}`,
        ...(out.allocateThenSchedule
          ? [
              `allocate-then-schedule exposure ${out.allocateThenSchedule.exposure}; joint saves ${out.allocateThenSchedule.saved}`,
            ]
          : []),
        ...(out.candidates ? candidateLines(out.candidates) : []),
        ...withoutConsentLines(out),
      ].join('\n'),
  );

  bindCli<TimetableRow[]>(
    program
      .command('timetable')
      .description('list movements with the cases the current timetable puts on them')
      .option('--joint', 'show the current joint plan instead')
      .option('--json', 'print JSON'),
    timetableShow,
    (_args, o) => ({ kind: o.joint ? 'joint' : 'timetable' }),
    (rows) =>
      table(
        ['movement', 'departs', 'to', 'status', 'seats', 'persons', 'cases'],
        rows.map((m) => [
          m.id,
          m.departAt,
          m.destinationId ?? '-',
          m.status,
          m.seats,
          m.persons,
          m.cases.length,
        ]),
      ),
  );

  const findings = (out: MoveCheck) =>
    out.findings.map((f) => `${f.ok ? 'ok  ' : 'FAIL'} ${f.text}`);
  const kind = (o: Record<string, unknown>) => (o.joint ? 'joint' : 'timetable');
  bindCliWays<MoveCheck & Partial<ReassignResult>>(
    program
      .command('move-case <case> <movement>')
      .description(
        'move a case to another movement by hand: checks it fits, saves a new timetable version and locks the case there',
      )
      .option('--reason <text>', 'why (kept with the plan and the lock; required unless --check)')
      .option('--check', 'only check whether the case fits; change nothing')
      .option('--joint', 'move it in the current joint plan instead')
      .option('--json', 'print JSON'),
    [
      {
        command: timetableCheckReassign,
        when: (o) => Boolean(o.check),
        toInput: ([caseId, movement], o) => ({ case: caseId, movement, kind: kind(o) }),
        text: (out) =>
          [
            ...findings(out),
            `case ${out.case} (on ${out.from ?? 'no movement'}) ${out.ok ? 'fits' : 'does not fit'} on ${out.to}`,
          ].join('\n'),
        exitCode: (out) => (out.ok ? undefined : 3),
      },
      {
        command: timetableReassignCase,
        toInput: ([caseId, movementId], o) => ({
          case: caseId,
          movementId,
          reason: o.reason,
          kind: kind(o),
        }),
        text: (out) =>
          [
            ...findings(out),
            `case ${out.case} moved from ${out.from ?? 'no movement'} to ${out.to}: ${out.plan?.kind} plan v${out.plan?.version}, locked there`,
          ].join('\n'),
      },
    ],
  );

  bindCli<ReplanSummary>(
    program
      .command('replan')
      .description(
        'apply disruption events (JSON file) and re-plan, changing as few people’s plans as possible',
      )
      .option('--event <file>', 'a JSON event, a list of events, or {"events": [...]}')
      .option(
        '--procedures',
        'host-state procedures changed (a visa expires sooner, a decision came): re-plan with them',
      )
      .option(
        '--change-penalty <n>',
        'exposure a move must save before a case is moved without need',
        '1',
      )
      .option(
        '--hazard-rate <n>',
        'expected incidents per day at the camp',
        String(defaultHazardPrior),
      )
      .option('--time-limit <seconds>', 'time limit of the search', '10')
      .option('--dry-run', 'propose: show the changes and save nothing (no plan, no movement)')
      .option('--json', 'print JSON'),
    timetableReplan,
    (_args, o) => ({
      events: replanEvents(o),
      changePenalty: o.changePenalty,
      hazardRate: o.hazardRate,
      timeLimit: o.timeLimit,
      dryRun: o.dryRun === true,
    }),
    (out) =>
      [
        `${out.plan ? `re-plan v${out.plan.version}` : 'proposal (dry run, nothing saved)'}: ${out.status}; ${out.changedCases} cases changed (at least ${out.minimumChanges} had to), ${out.keptCases} kept; exposure ${out.exposureBefore} → ${out.exposureAfter}`,
        ...out.changes
          .slice(0, 50)
          .map(
            (c) => `  ${c.case} (${c.persons}): ${c.from ?? '-'} → ${c.to ?? '-'} (${c.reason})`,
          ),
        ...(out.changes.length > 50
          ? [`  … and ${out.changes.length - 50} more (use --json)`]
          : []),
        ...withoutConsentLines(out),
      ].join('\n'),
  );
}
