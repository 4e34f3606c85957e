/** `corridor destination list`: host countries, their rules and pledged places (M3). */
import type { Command } from 'commander';
import { output, withStore } from '../context.js';
import { table } from '../format.js';

/** Registers `corridor destination`. */
export function registerDestination(program: Command): void {
  const d = program.command('destination').description('host countries and their pledges');
  d.command('list')
    .description('list destinations with rules and pledged persons, cases and medical places')
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const { destinations, pledges } = await withStore(command, false, async (store) => ({
        destinations: await store.registry.destinations(),
        pledges: await store.registry.pledges(),
      }));
      const rows = destinations.map((d) => {
        const own = pledges.filter((p) => p.destinationId === d.id);
        const sum = (f: (p: (typeof own)[number]) => number) => own.reduce((s, p) => s + f(p), 0);
        return {
          ...d,
          pledges: own,
          pledged: {
            persons: sum((p) => p.persons),
            cases: sum((p) => p.cases),
            medicalPlaces: sum((p) => p.medicalPlaces),
          },
        };
      });
      output(command, rows, () =>
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
    });
}
