/** `corridor plan list|show`: the stored plan versions and their assignments. */
import { listPlans, showPlan, type PlanHeaderSchema, type PlanSchema } from '@corridor/commands';
import type { Command } from 'commander';
import type { z } from 'zod';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

const kinds = 'allocation, timetable, joint';

/** Registers `corridor plan`. */
export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .description('stored plans (versioned) and their assignments');
  bindCli<z.output<typeof PlanHeaderSchema>[]>(
    plan
      .command('list')
      .description('list plan versions, newest first')
      .option('--kind <kind>', kinds)
      .option('--json', 'print JSON'),
    listPlans,
    (_args, o) => ({ kind: o.kind }),
    (list) =>
      table(
        ['plan', 'kind', 'version', 'status', 'created', 'by', 'summary'],
        list.map((p) => [
          p.id,
          p.kind,
          p.version,
          p.status,
          p.createdAt.slice(0, 19),
          p.createdBy,
          `${String(p.summary.status ?? '')} gap ${Number(p.summary.gap ?? 0).toFixed(4)}`,
        ]),
      ),
  );
  bindCli<z.output<typeof PlanSchema>>(
    plan
      .command('show [id]')
      .description('show a plan with its assignments (default: the current allocation plan)')
      .option('--kind <kind>', 'with no id: the current plan of this kind', 'allocation')
      .option('--json', 'print JSON'),
    showPlan,
    ([id], o) => ({ id, kind: o.kind }),
    (found) =>
      [
        `plan ${found.id}: ${found.kind} v${found.version} (${found.status}) by ${found.createdBy} at ${found.createdAt}`,
        table(
          ['case', 'destination', 'movement', 'locked', 'reason'],
          found.assignments.map((a) => [
            a.householdId,
            a.destinationId ?? '-',
            a.movementId ?? '-',
            a.locked ? 'yes' : '',
            a.reason,
          ]),
        ),
      ].join('\n'),
  );
}
