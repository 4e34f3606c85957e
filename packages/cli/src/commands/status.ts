/** `corridor status`: the operation at a glance. */
import { operationStatus, type OperationStatusOut } from '@corridor/commands';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

/** Text layout of the status counts. */
export function statusText(s: OperationStatusOut): string {
  const lines = [
    `${s.operation.name} (${s.operation.windowStart} to ${s.operation.windowEnd})`,
    `persons ${s.persons} in ${s.households} households; ${s.linkedCases} case links; ${s.personsWithMedicalNeeds} with serious medical needs`,
    `destinations ${s.destinations}; pledged ${s.pledgedPersons} persons, ${s.pledgedCases} cases, ${s.medicalPlaces} medical places`,
    `duplicates awaiting review ${s.openDuplicates}`,
    '',
    table(
      ['status', 'cases', 'persons'],
      Object.entries(s.byStatus).map(([k, v]) => [k, v ?? 0, s.personsByStatus[k] ?? 0]),
    ),
  ];
  return lines.join('\n');
}

/** Registers `corridor status`. */
export function registerStatus(program: Command): void {
  bindCli<OperationStatusOut>(
    program
      .command('status')
      .description(
        "print the operation's counts: persons, households, destinations, cases by status, pledges",
      )
      .option('--json', 'print JSON'),
    operationStatus,
    () => ({}),
    statusText,
  );
}
