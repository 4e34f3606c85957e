/** `corridor allocate`: who goes where (M4), with explanations, fairness audit and locks. */
import { allocatableStatuses, errors } from '@corridor/core';
import {
  allocationInputFrom,
  allocationStart,
  buildAllocationInstance,
  defaultAllocationWeights,
  explainAllocation,
  explanationText,
  fairnessAudit,
  loadHighs,
  solve,
  type AllocationInput,
} from '@corridor/optimizer';
import type { Store } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { table } from '../format.js';
import { startProgress } from '../progress.js';

/** Reads everything allocation needs from the store. */
export async function loadAllocationInput(
  store: Store,
  asOf = new Date().toISOString().slice(0, 10),
): Promise<AllocationInput> {
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const { cases, links } = await store.registry.planningCases(allocatableStatuses);
  const current = await store.plans.current('allocation');
  const previous: Record<string, string | null> = {};
  for (const a of current?.assignments ?? []) previous[a.householdId] = a.destinationId;
  return allocationInputFrom({
    cases,
    links,
    destinations: await store.registry.destinations(),
    pledges: await store.registry.pledges(),
    locks: await store.plans.locks(),
    previous,
    asOf: asOf > op.windowStart ? asOf : op.windowStart,
    windowEnd: op.windowEnd,
  });
}

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw errors.invalidInput(`${flag} must be a number of seconds from 0 to 3600, not "${value}"`);
  return n;
}

/** The destination of each case in the current allocation plan. */
async function currentAssignment(store: Store) {
  const plan = await store.plans.current('allocation');
  if (!plan)
    throw errors.invalidInput('there is no allocation plan yet; run `corridor allocate` first');
  const assignment: Record<string, string | null> = {};
  for (const a of plan.assignments) assignment[a.householdId] = a.destinationId;
  return { plan, assignment };
}

/** Registers `corridor allocate` and its subcommands. */
export function registerAllocate(program: Command): void {
  const allocate = program
    .command('allocate')
    .description('assign every verified case to a host country and store the plan as a new version')
    .option('--time-limit <seconds>', 'time limit of the search', '10')
    .option('--seed <n>', 'random seed (same seed, same plan)', '1')
    .option('--json', 'print JSON')
    .action(async (opts: { timeLimit: string; seed: string }, command: Command) => {
      const timeLimitMs = seconds('--time-limit', opts.timeLimit) * 1000;
      const progress = startProgress('allocate', 100, Boolean(globals(command).json));
      const summary = await withStore(command, false, async (store) => {
        const input = await loadAllocationInput(store);
        if (input.cases.length === 0)
          throw errors.invalidInput(
            'no case is ready for allocation (statuses verified to exit-cleared)',
          );
        const instance = buildAllocationInstance(input);
        const { locks, warmStart } = allocationStart(input);
        const result = solve(instance, {
          highs: await loadHighs(),
          timeLimitMs,
          seed: Number(opts.seed) || 1,
          locks,
          warmStart,
          progress: (p) =>
            progress.update(
              Math.min(99, Math.round((100 * p.iteration) / 3000)),
              `gap ${(p.gap * 100).toFixed(2)}%`,
            ),
        });
        progress.stop();
        const prices: Record<string, number> = {};
        for (const r of result.resources) if (r.price > 1e-9) prices[r.name] = r.price;
        const byDestination: Record<
          string,
          { cases: number; persons: number; capacity: number; medical: number }
        > = {};
        input.destinations.forEach(
          (d) => (byDestination[d.id] = { cases: 0, persons: 0, capacity: d.persons, medical: 0 }),
        );
        input.cases.forEach((c, i) => {
          const k = result.assignment[i]!;
          if (k < 0) return;
          const b = byDestination[input.destinations[k]!.id]!;
          b.cases++;
          b.persons += c.persons;
          b.medical += c.medicalPersons;
        });
        const unplacedPersons = input.cases.reduce(
          (s, c, i) => s + (result.assignment[i]! < 0 ? c.persons : 0),
          0,
        );
        const shortfall = result.resources
          .filter((r) => r.shortfall > 0)
          .map((r) => ({ resource: r.name, missing: r.shortfall }));
        const out = {
          status: result.status,
          objective: Math.round(result.objective * 100) / 100,
          bound: Math.round(result.bound * 100) / 100,
          gap: result.gap,
          unplaced: result.unplaced,
          unplacedPersons,
          cases: input.cases.length,
          byDestination,
          shortfall,
          timeMs: Math.round(result.stats.timeMs),
        };
        const plan = await store.plans.save(
          {
            kind: 'allocation',
            params: {
              weights: defaultAllocationWeights,
              timeLimitMs,
              seed: Number(opts.seed) || 1,
            },
            summary: { ...out, prices },
            assignments: input.cases.map((c, i) => {
              const k = result.assignment[i]!;
              return {
                householdId: c.id,
                destinationId: k >= 0 ? input.destinations[k]!.id : null,
                movementId: null,
                locked: c.locked !== undefined,
                reason: result.reasons[i]?.kind ?? 'best',
              };
            }),
          },
          actorOf(command),
        );
        return { ...out, plan: { id: plan.id, version: plan.version } };
      });
      output(command, summary, () =>
        [
          `allocation plan v${summary.plan.version}: ${summary.status}; ${summary.cases - summary.unplaced} of ${summary.cases} cases placed; objective ${summary.objective}, bound ${summary.bound}, gap ${(summary.gap * 100).toFixed(3)}%`,
          table(
            ['destination', 'cases', 'persons', 'capacity', 'medical'],
            Object.entries(summary.byDestination).map(([d, b]) => [
              d,
              b.cases,
              b.persons,
              b.capacity,
              b.medical,
            ]),
          ),
          ...summary.shortfall.map((s) => `short: ${s.resource} needs ${s.missing} more`),
        ].join('\n'),
      );
    });

  allocate
    .command('explain <case>')
    .description('why this case goes where it goes, and why not each other destination')
    .option('--json', 'print JSON')
    .action(async (id: string, _opts, command: Command) => {
      const explanation = await withStore(command, false, async (store) => {
        const { plan, assignment } = await currentAssignment(store);
        const input = await loadAllocationInput(store);
        const prices = (plan.summary.prices ?? {}) as Record<string, number>;
        const e = explainAllocation(input, assignment, prices, id);
        if (!e) throw errors.notFound('case in the allocation', id);
        return e;
      });
      output(command, explanation, () => explanationText(explanation));
    });

  allocate
    .command('fairness')
    .description(
      'achieved preference rank by household size, specific needs and origin; flags groups that fare worse',
    )
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const report = await withStore(command, false, async (store) => {
        const { assignment } = await currentAssignment(store);
        return fairnessAudit(await loadAllocationInput(store), assignment);
      });
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      output(command, report, () =>
        [
          `overall: ${report.overall.cases} cases; first choice ${pct(report.overall.firstChoice)}; any choice ${pct(report.overall.anyChoice)}; mean rank ${report.overall.meanRank.toFixed(2)}`,
          table(
            [
              'dimension',
              'group',
              'cases',
              'first choice',
              'any choice',
              'mean rank',
              'unplaced',
              'z',
              'flag',
            ],
            report.groups.map((g) => [
              g.dimension,
              g.group,
              g.cases,
              pct(g.firstChoice),
              pct(g.anyChoice),
              g.meanRank.toFixed(2),
              g.unplaced,
              g.z.toFixed(2),
              g.flagged ? 'WORSE' : '',
            ]),
          ),
          report.flagged.length
            ? `${report.flagged.length} group(s) fare systematically worse`
            : 'no group fares systematically worse',
        ].join('\n'),
      );
    });

  allocate
    .command('lock <case> <destination>')
    .description('fix a case to a destination in every later allocation')
    .option('--reason <text>', 'why', 'locked by a planner')
    .option('--json', 'print JSON')
    .action(async (id: string, destination: string, opts: { reason: string }, command: Command) => {
      const lock = await withStore(command, false, (store) =>
        store.plans.lock(
          { householdId: id, destinationId: destination, movementId: null, reason: opts.reason },
          actorOf(command),
        ),
      );
      output(command, lock, () => `case ${id} locked to ${destination}`);
    });

  allocate
    .command('unlock <case>')
    .description('remove a case’s lock')
    .option('--json', 'print JSON')
    .action(async (id: string, _opts, command: Command) => {
      const removed = await withStore(command, false, (store) =>
        store.plans.unlock(id, actorOf(command)),
      );
      if (!removed) throw errors.notFound('lock of case', id);
      output(command, { case: id, unlocked: true }, () => `case ${id} unlocked`);
    });
}
