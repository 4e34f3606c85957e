/** `corridor allocate`: who goes where (M4), with explanations, fairness audit and locks. */
import { explanationText, type Explanation, type FairnessReport } from '@corridor/optimizer';
import {
  allocationExplain,
  allocationFairnessAudit,
  listLocks,
  lockCase,
  allocationRun,
  unlockCase,
  type AllocationSummary,
} from '@corridor/commands';
import type { PlanLock } from '@corridor/storage';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { withoutConsentLines } from './without-consent.js';

/** Registers `corridor allocate` and its subcommands. */
export function registerAllocate(program: Command): void {
  const allocate = program
    .command('allocate')
    .description('assign every verified case to a host country and store the plan as a new version')
    .option('--time-limit <seconds>', 'time limit of the search', '10')
    .option('--seed <n>', 'random seed (same seed, same plan)', '1')
    .option('--json', 'print JSON');
  bindCli<AllocationSummary>(
    allocate,
    allocationRun,
    (_args, o) => ({ timeLimit: o.timeLimit, seed: o.seed }),
    (summary) =>
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
        ...withoutConsentLines(summary),
      ].join('\n'),
  );

  bindCli<Explanation>(
    allocate
      .command('explain <case>')
      .description('why this case goes where it goes, and why not each other destination')
      .option('--json', 'print JSON'),
    allocationExplain,
    ([householdId]) => ({ householdId }),
    (explanation) => explanationText(explanation),
  );

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  bindCli<FairnessReport>(
    allocate
      .command('fairness')
      .description(
        'achieved preference rank by household size, specific needs and origin; flags groups that fare worse',
      )
      .option('--json', 'print JSON'),
    allocationFairnessAudit,
    () => ({}),
    (report) =>
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

  bindCli<PlanLock>(
    allocate
      .command('lock <case> <destination>')
      .description('fix a case to a destination in every later allocation')
      .option('--reason <text>', 'why', 'locked by a planner')
      .option('--json', 'print JSON'),
    lockCase,
    ([householdId, destinationId], o) => ({ householdId, destinationId, reason: o.reason }),
    (lock) => `case ${lock.householdId} locked to ${lock.destinationId ?? '-'}`,
  );

  bindCli<PlanLock[]>(
    allocate
      .command('locks')
      .description('list every lock: case, destination, movement, who, why and when')
      .option('--json', 'print JSON'),
    listLocks,
    () => ({}),
    (locks) =>
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

  bindCli<{ case: string }>(
    allocate
      .command('unlock <case>')
      .description('remove a case’s lock')
      .option('--json', 'print JSON'),
    unlockCase,
    ([householdId]) => ({ householdId }),
    (out) => `case ${out.case} unlocked`,
  );
}
