/** `corridor destination list|pledges`: host countries, their rules and pledged places (M3). */
import { listDestinations, listPledges, type DestinationOut } from '@corridor/commands';
import type { Pledge } from '@corridor/core';
import type { Command } from 'commander';
import type { z } from 'zod';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Row = z.infer<typeof DestinationOut>;

/** Registers `corridor destination`. */
export function registerDestination(program: Command): void {
  const d = program.command('destination').description('host countries and their pledges');
  bindCli<Row[]>(
    d
      .command('list')
      .description('list destinations with rules and pledged persons, cases and medical places')
      .option('--json', 'print JSON'),
    listDestinations,
    () => ({}),
    (rows) =>
      table(
        [
          'id',
          'name',
          'persons',
          'cases',
          'medical',
          'max size',
          'languages',
          'ties',
          'lead days',
          'airports',
          'pauses',
        ],
        rows.map((r) => [
          r.id,
          r.name,
          r.pledged.persons,
          r.pledged.cases,
          r.medicalPlaces,
          r.maxHouseholdSize,
          r.languages.join(' '),
          r.requiresTies ? 'required' : '',
          r.leadTimeDays,
          r.arrivalAirports.join(' '),
          r.pauses.map((p) => `${p.from}..${p.to}`).join(' '),
        ]),
      ),
  );
  bindCli<Pledge[]>(
    d
      .command('pledges')
      .description(
        'list every pledge: persons, cases and medical places per destination and period',
      )
      .option('--json', 'print JSON'),
    listPledges,
    () => ({}),
    (pledges) =>
      table(
        ['destination', 'from', 'to', 'persons', 'cases', 'medical'],
        pledges.map((p) => [
          p.destinationId,
          p.periodStart,
          p.periodEnd,
          p.persons,
          p.cases,
          p.medicalPlaces,
        ]),
      ),
  );
}
