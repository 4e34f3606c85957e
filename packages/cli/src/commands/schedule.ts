/** `corridor schedule`, `corridor timetable`, `corridor move-case`, `corridor replan`: movements for every case (M5, M7). */
import { readFileSync, existsSync } from 'node:fs';
import { errors } from '@corridor/core';
import {
  checkCaseMove,
  moveCase,
  parseReplanEvents,
  runReplan,
  runSchedule,
  silentControl,
  type MoveCheck,
  type MoveResult,
  type TimetableOptions,
} from '@corridor/server';
import { timetableView } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { table } from '../format.js';
import { progressControl, startProgress } from '../progress.js';

function positive(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max)
    throw errors.invalidInput(`${flag} must be a number from 0 to ${max}, not "${value}"`);
  return n;
}

function isMove(out: MoveCheck | MoveResult): out is MoveResult {
  return 'plan' in out;
}

function options(opts: {
  joint?: boolean;
  needsFirst?: boolean;
  hazardRate: string;
}): TimetableOptions {
  return {
    joint: Boolean(opts.joint),
    needsFirst: Boolean(opts.needsFirst),
    hazardRate: positive('--hazard-rate', opts.hazardRate, 100),
  };
}

/** Registers `corridor schedule`, `corridor timetable`, `corridor move-case` and `corridor replan`. */
export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'assign allocated cases to movements, minimising the exposure of the people still in the camp',
    )
    .option('--joint', 'choose destination and movement together (bins are movements)')
    .option('--needs-first', 'give cases with specific needs priority')
    .option('--hazard-rate <n>', 'expected incidents per day at the camp', '0.02')
    .option('--time-limit <seconds>', 'time limit of the search', '10')
    .option('--json', 'print JSON')
    .action(
      async (
        opts: { joint?: boolean; needsFirst?: boolean; hazardRate: string; timeLimit: string },
        command: Command,
      ) => {
        const o = options(opts);
        const timeLimitMs = positive('--time-limit', opts.timeLimit, 3600) * 1000;
        const progress = startProgress('schedule', 100, Boolean(globals(command).json));
        const out = await withStore(command, false, (store) =>
          runSchedule(store, actorOf(command), { ...o, timeLimitMs }, progressControl(progress)),
        ).finally(() => progress.stop());
        output(command, out, () =>
          [
            `${o.joint ? 'joint' : 'timetable'} plan v${out.plan.version}: ${String(out.status)}; exposure ${String(out.exposure)} expected person-incidents (first-ready-first-served: ${String(out.firstReadyFirstServed.exposure)})`,
            `makespan ${String(out.makespanDays)} days from ${String(out.startDay)}; ${String(out.movementsUsed)} movements used; ${String(out.unusedSeats)} seats unused; ${String(out.unplaced)} cases without a movement`,
            ...(out.allocateThenSchedule
              ? [
                  `allocate-then-schedule exposure ${String(out.allocateThenSchedule.exposure)}; joint saves ${String(out.allocateThenSchedule.saved)}`,
                ]
              : []),
          ].join('\n'),
        );
      },
    );

  program
    .command('timetable')
    .description('list movements with the cases the current timetable puts on them')
    .option('--joint', 'show the current joint plan instead')
    .option('--json', 'print JSON')
    .action(async (opts: { joint?: boolean }, command: Command) => {
      const rows = await withStore(command, false, async (store) => {
        const view = await timetableView(store, opts.joint ? 'joint' : 'timetable');
        if (!view)
          throw errors.invalidInput('there is no timetable yet; run `corridor schedule` first');
        return view;
      });
      output(command, rows, () =>
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
    });

  program
    .command('move-case <case> <movement>')
    .description(
      'move a case to another movement by hand: checks it fits, saves a new timetable version and locks the case there',
    )
    .option('--reason <text>', 'why (kept with the plan and the lock; required unless --check)')
    .option('--check', 'only check whether the case fits; change nothing')
    .option('--joint', 'move it in the current joint plan instead')
    .option('--json', 'print JSON')
    .action(
      async (
        caseId: string,
        movementId: string,
        opts: { reason?: string; check?: boolean; joint?: boolean },
        command: Command,
      ) => {
        const request = { caseId, movementId, joint: Boolean(opts.joint) };
        const reason = opts.reason?.trim() ?? '';
        if (!opts.check && reason.length < 3)
          throw errors.invalidInput('--reason: say why the case moves (at least 3 characters)');
        const out: MoveCheck | MoveResult = await withStore(command, false, (store) =>
          opts.check
            ? checkCaseMove(store, request)
            : moveCase(store, actorOf(command), { ...request, reason }),
        );
        output(command, out, () =>
          [
            ...out.findings.map((f) => `${f.ok ? 'ok  ' : 'FAIL'} ${f.text}`),
            isMove(out)
              ? `case ${out.case} moved from ${out.from ?? 'no movement'} to ${out.to}: ${out.plan.kind} plan v${out.plan.version}, locked there`
              : `case ${out.case} (on ${out.from ?? 'no movement'}) ${out.ok ? 'fits' : 'does not fit'} on ${out.to}`,
          ].join('\n'),
        );
        if (!out.ok) process.exitCode = 3;
      },
    );

  program
    .command('replan')
    .description(
      'apply disruption events (JSON file) and re-plan, changing as few people’s plans as possible',
    )
    .requiredOption('--event <file>', 'a JSON event, a list of events, or {"events": [...]}')
    .option(
      '--change-penalty <n>',
      'exposure a move must save before a case is moved without need',
      '1',
    )
    .option('--hazard-rate <n>', 'expected incidents per day at the camp', '0.02')
    .option('--time-limit <seconds>', 'time limit of the search', '10')
    .option('--json', 'print JSON')
    .action(
      async (
        opts: { event: string; changePenalty: string; hazardRate: string; timeLimit: string },
        command: Command,
      ) => {
        if (!existsSync(opts.event)) throw errors.invalidInput(`no events file at ${opts.event}`);
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileSync(opts.event, 'utf8'));
        } catch (error) {
          throw errors.invalidInput(`${opts.event} is not valid JSON: ${(error as Error).message}`);
        }
        const events = parseReplanEvents(parsed);
        const params = {
          events,
          changePenalty: positive('--change-penalty', opts.changePenalty, 1e9),
          hazardRate: positive('--hazard-rate', opts.hazardRate, 100),
          timeLimitMs: positive('--time-limit', opts.timeLimit, 3600) * 1000,
        };
        const out = await withStore(command, false, (store) =>
          runReplan(store, actorOf(command), params, silentControl),
        );
        output(command, out, () =>
          [
            `re-plan v${out.plan.version}: ${out.status}; ${out.changedCases} cases changed (at least ${out.minimumChanges} had to), ${out.keptCases} kept; exposure ${out.exposureBefore} → ${out.exposureAfter}`,
            ...out.changes
              .slice(0, 50)
              .map(
                (c) =>
                  `  ${c.case} (${c.persons}): ${c.from ?? '-'} → ${c.to ?? '-'} (${c.reason})`,
              ),
            ...(out.changes.length > 50
              ? [`  … and ${out.changes.length - 50} more (use --json)`]
              : []),
          ].join('\n'),
        );
      },
    );
}
