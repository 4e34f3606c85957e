/** `corridor schedule`, `corridor timetable`, `corridor replan`: movements for every case (M5, M7). */
import { readFileSync, existsSync } from 'node:fs';
import { errors } from '@corridor/core';
import {
  buildTimetableInstance,
  firstReadyFirstServed,
  loadHighs,
  replan,
  solve,
  timetableMetrics,
  type ReplanEvent,
  type TimetableInput,
} from '@corridor/optimizer';
import { timetableView, type Store } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { table } from '../format.js';
import { loadTimetableInput, type TimetableOptions } from '../planning.js';
import { startProgress } from '../progress.js';

function positive(flag: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > max)
    throw errors.invalidInput(`${flag} must be a number from 0 to ${max}, not "${value}"`);
  return n;
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

async function savePlan(
  store: Store,
  command: Command,
  kind: 'timetable' | 'joint',
  input: TimetableInput,
  assignment: ArrayLike<number>,
  reasons: string[],
  summary: object,
  parentId?: number,
) {
  return store.plans.save(
    {
      kind,
      params: { startDay: input.startDay, hazardRate: input.hazard[0] ?? 0 },
      summary: summary as Record<string, unknown>,
      ...(parentId !== undefined ? { parentId } : {}),
      assignments: input.cases.map((c, i) => {
        const m = assignment[i]! >= 0 ? input.movements[assignment[i]!]! : null;
        return {
          householdId: c.id,
          destinationId: m?.destinationId ?? c.destinationId,
          movementId: m?.id ?? null,
          locked: Boolean(c.pinned),
          reason: reasons[i] ?? 'best',
        };
      }),
    },
    actorOf(command),
  );
}

/** Registers `corridor schedule`, `corridor timetable` and `corridor replan`. */
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
        const out = await withStore(command, false, async (store) => {
          const { input } = await loadTimetableInput(store, o);
          if (input.cases.length === 0)
            throw errors.invalidInput(
              'no case to schedule: allocate cases first (corridor allocate)',
            );
          const { instance } = buildTimetableInstance(input);
          // Start from what operators would do by hand; the search only improves on it.
          const handmade = firstReadyFirstServed(input);
          const highs = await loadHighs();
          const result = solve(instance, {
            highs,
            timeLimitMs,
            warmStart: handmade,
            progress: (p) => progress.update(Math.min(99, Math.round((100 * p.iteration) / 3000))),
          });
          progress.stop();
          const metrics = timetableMetrics(input, result.assignment);
          const baseline = timetableMetrics(input, handmade);
          const summary: ScheduleSummary = {
            status: result.status,
            exposure: round(metrics.exposure),
            makespanDays: metrics.makespanDays,
            movementsUsed: metrics.movementsUsed,
            unplaced: metrics.unplaced,
            unplacedPersons: metrics.unplacedPersons,
            unusedSeats: metrics.unusedSeats,
            gap: result.gap,
            cases: input.cases.length,
            startDay: input.startDay,
            firstReadyFirstServed: {
              exposure: round(baseline.exposure),
              unplaced: baseline.unplaced,
            },
            exposureRatioToFirstReady:
              baseline.exposure > 0 ? round(metrics.exposure / baseline.exposure) : null,
            shortfall: result.resources
              .filter((r) => r.shortfall > 0)
              .map((r) => ({ resource: r.name, missing: r.shortfall })),
            unplacedCases: input.cases.filter((_, i) => result.assignment[i]! < 0).map((c) => c.id),
            timeMs: Math.round(result.stats.timeMs),
          };
          if (o.joint) {
            const separate = await loadTimetableInput(store, { ...o, joint: false }).catch(
              () => undefined,
            );
            if (separate) {
              const sep = solve(buildTimetableInstance(separate.input).instance, {
                highs,
                timeLimitMs,
                warmStart: firstReadyFirstServed(separate.input),
              });
              const e = timetableMetrics(separate.input, sep.assignment).exposure;
              summary.allocateThenSchedule = {
                exposure: round(e),
                saved: round(e - metrics.exposure),
              };
            }
          }
          const plan = await savePlan(
            store,
            command,
            o.joint ? 'joint' : 'timetable',
            input,
            result.assignment,
            result.reasons.map((r) => r.kind),
            summary,
          );
          return { ...summary, plan: { id: plan.id, version: plan.version } };
        });
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
        const events = (
          Array.isArray(parsed) ? parsed : ((parsed as { events?: unknown }).events ?? [parsed])
        ) as ReplanEvent[];
        const changePenalty = positive('--change-penalty', opts.changePenalty, 1e9);
        const out = await withStore(command, false, async (store) => {
          const current = await store.plans.current('timetable');
          if (!current)
            throw errors.invalidInput(
              'there is no timetable to re-plan; run `corridor schedule` first',
            );
          const { input, previous } = await loadTimetableInput(
            store,
            options({ hazardRate: opts.hazardRate }),
          );
          const outcome = replan(input, previous, events, {
            highs: await loadHighs(),
            changePenalty,
            timeLimitMs: positive('--time-limit', opts.timeLimit, 3600) * 1000,
          });
          if ('problems' in outcome) {
            throw errors.invalidInput(
              `events not applied: ${outcome.problems.map((p) => `event ${p.event}: ${p.message}`).join('; ')}`,
              outcome.problems,
            );
          }
          await applyToMovements(store, command, events);
          const summary = {
            status: outcome.result.status,
            changedCases: outcome.changes.length,
            keptCases: outcome.kept,
            minimumChanges: outcome.minimumChanges,
            exposureBefore: round(outcome.exposureBefore),
            exposureAfter: round(outcome.exposureAfter),
            timeMs: Math.round(outcome.result.stats.timeMs),
            changes: outcome.changes,
          };
          const applied = outcome.input;
          const appliedIndex = new Map(applied.movements.map((m, k) => [m.id, k]));
          const plan = await savePlan(
            store,
            command,
            'timetable',
            applied,
            outcome.assignment.map((id) => (id ? (appliedIndex.get(id) ?? -1) : -1)),
            outcome.changes.length
              ? applied.cases.map(
                  (c) => outcome.changes.find((x) => x.case === c.id)?.reason ?? 'kept',
                )
              : [],
            summary,
            current.id,
          );
          return { ...summary, plan: { id: plan.id, version: plan.version } };
        });
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

/** What `corridor schedule` reports. */
interface ScheduleSummary {
  status: string;
  exposure: number;
  makespanDays: number;
  movementsUsed: number;
  unplaced: number;
  unplacedPersons: number;
  unusedSeats: number;
  gap: number;
  cases: number;
  startDay: string;
  firstReadyFirstServed: { exposure: number; unplaced: number };
  exposureRatioToFirstReady: number | null;
  shortfall: { resource: string; missing: number }[];
  unplacedCases: string[];
  timeMs: number;
  allocateThenSchedule?: { exposure: number; saved: number };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Records the events' effect on the stored movements (cancelled, fewer seats, added). */
async function applyToMovements(
  store: Store,
  command: Command,
  events: ReplanEvent[],
): Promise<void> {
  const actor = actorOf(command);
  for (const e of events) {
    if (e.type === 'cancel-movement')
      await store.movements.update(e.movement, { status: 'cancelled' }, undefined, actor);
    if (e.type === 'reduce-seats')
      await store.movements.update(
        e.movement,
        { seats: e.seats, ...(e.baggageKg !== undefined ? { baggageKg: e.baggageKg } : {}) },
        undefined,
        actor,
      );
    if (e.type === 'add-movement') {
      const op = await store.registry.operation();
      await store.movements.add(
        [
          {
            id: e.movement.id,
            kind: 'charter',
            origin: op?.airportCode ?? 'XXX',
            destinationId: e.movement.destinationId,
            arrivalAirport: null,
            departAt: `${e.movement.day}T06:00:00Z`,
            timezone: op?.timezone ?? 'UTC',
            seats: e.movement.seats,
            baggageKg: e.movement.baggageKg,
            status: 'planned',
          },
        ],
        actor,
      );
    }
  }
}
