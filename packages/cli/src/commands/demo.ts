/** `corridor demo`: creates the synthetic demo operation. */
import {
  defaultDemoOptions,
  errors,
  generateDemo,
  generateDemoBelongings,
  generateDemoGroundCapacity,
  generateDemoIncidents,
  generateDemoMovements,
  generateDemoProperty,
} from '@corridor/core';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { startProgress } from '../progress.js';
import { statusText } from './status.js';

function positiveInt(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw errors.invalidInput(
      `--${name} must be a whole number from ${min} to ${max}, not "${value}"`,
    );
  return n;
}

/** Registers `corridor demo`. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'create the synthetic demo operation (replaces an earlier demo in the same database)',
    )
    .option('--people <n>', 'about how many residents', String(defaultDemoOptions.people))
    .option(
      '--seed <s>',
      'random seed: the same seed gives the same operation',
      String(defaultDemoOptions.seed),
    )
    .option('--json', 'print JSON')
    .action(async (opts: { people: string; seed: string }, command: Command) => {
      const people = positiveInt('people', opts.people, 10, 500_000);
      const seed = positiveInt('seed', opts.seed, 0, 2 ** 31 - 1);
      const actor = actorOf(command);
      const progress = startProgress('demo', 4, Boolean(globals(command).json));
      const status = await withStore(command, true, async (store) => {
        const existing = await store.registry.operation();
        if (existing && !existing.isDemo) {
          throw errors.conflict(
            `this database holds operation "${existing.name}", which is not a demo; use another --data folder`,
          );
        }
        progress.update(0, 'generating');
        const data = generateDemo({ people, seed });
        progress.update(1, 'writing');
        if (existing) await store.registry.deleteOperation(actor);
        await store.registry.createOperation(data, actor);
        const movements = generateDemoMovements(data.destinations, data.pledges);
        await store.movements.add(movements, actor);
        await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), actor);
        await store.incidents.add(generateDemoIncidents(data.households), actor);
        await store.property.add(generateDemoProperty(data.households), actor);
        const belongings = generateDemoBelongings(data.persons, seed);
        await store.custody.addItems(belongings.items, actor);
        await store.custody.addEvents(belongings.events, actor);
        progress.update(2, 'looking for duplicates');
        await store.registry.scanDuplicates(actor);
        progress.update(3, 'counting');
        return store.registry.status();
      });
      progress.stop();
      output(command, status, () => `Demo operation created.\n\n${statusText(status)}`);
    });
}
