/** `corridor allocate`: who goes where (M4), with explanations, fairness audit and locks. */
import { errors } from '@corridor/core';
import { explanationText } from '@corridor/optimizer';
import { allocationFairness, explainCase, runAllocation } from '@corridor/server';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { table } from '../format.js';
import { progressControl, startProgress } from '../progress.js';

function seconds(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 3600)
    throw errors.invalidInput(`${flag} must be a number of seconds from 0 to 3600, not "${value}"`);
  return n;
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
      const summary = await withStore(command, false, (store) =>
        runAllocation(
          store,
          actorOf(command),
          { timeLimitMs, seed: Number(opts.seed) || 1 },
          progressControl(progress),
        ),
      ).finally(() => progress.stop());
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
      const explanation = await withStore(command, false, (store) => explainCase(store, id));
      output(command, explanation, () => explanationText(explanation));
    });

  allocate
    .command('fairness')
    .description(
      'achieved preference rank by household size, specific needs and origin; flags groups that fare worse',
    )
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const report = await withStore(command, false, (store) => allocationFairness(store));
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
    .command('locks')
    .description('list every lock: case, destination, movement, who, why and when')
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const locks = await withStore(command, false, (store) => store.plans.locks());
      output(command, locks, () =>
        locks.length === 0
          ? 'no locks'
          : table(
              ['case', 'destination', 'movement', 'by', 'at', 'reason'],
              locks.map((l) => [
                l.householdId,
                l.destinationId ?? '-',
                l.movementId ?? '-',
                l.actor,
                l.at.slice(0, 16),
                l.reason,
              ]),
            ),
      );
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
