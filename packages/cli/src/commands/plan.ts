/** `corridor plan list|show`: the stored plan versions and their assignments. */
import { errors } from '@corridor/core';
import type { PlanKind } from '@corridor/storage';
import type { Command } from 'commander';
import { output, withStore } from '../context.js';
import { table } from '../format.js';

const kinds: PlanKind[] = ['allocation', 'timetable', 'joint'];

/** Registers `corridor plan`. */
export function registerPlan(program: Command): void {
  const plan = program
    .command('plan')
    .description('stored plans (versioned) and their assignments');
  plan
    .command('list')
    .description('list plan versions, newest first')
    .option('--kind <kind>', kinds.join(', '))
    .option('--json', 'print JSON')
    .action(async (opts: { kind?: string }, command: Command) => {
      if (opts.kind !== undefined && !kinds.includes(opts.kind as PlanKind))
        throw errors.invalidInput(`--kind must be one of ${kinds.join(', ')}`);
      const list = await withStore(command, false, (store) =>
        store.plans.list(opts.kind as PlanKind | undefined),
      );
      output(command, list, () =>
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
    });
  plan
    .command('show [id]')
    .description('show a plan with its assignments (default: the current allocation plan)')
    .option('--kind <kind>', 'with no id: the current plan of this kind', 'allocation')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, opts: { kind: string }, command: Command) => {
      if (!kinds.includes(opts.kind as PlanKind))
        throw errors.invalidInput(`--kind must be one of ${kinds.join(', ')}`);
      const found = await withStore(command, false, (store) =>
        id ? store.plans.get(Number(id)) : store.plans.current(opts.kind as PlanKind),
      );
      if (!found) throw errors.notFound('plan', id ?? `(current ${opts.kind})`);
      output(command, found, () =>
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
    });
}
