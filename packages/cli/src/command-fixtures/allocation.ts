/** Fixtures for the allocation's write command: a run (inline in the CLI, a job over HTTP). */
import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { runAllocation, silentControl } from '@corridor/commands';
import { seeder, type FixtureGroup } from './fixture.js';

/** The allocation commands' fixtures; setup adds movements and a first allocation plan. */
export const allocationFixtures: FixtureGroup = {
  async setup(store) {
    const demo = generateDemo({ people: 40, seed: 5 });
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    await store.movements.add(movements, seeder);
    await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), seeder);
    await runAllocation(store, seeder, { timeLimitMs: 1000, seed: 1 }, silentControl);
  },
  fixtures: {
    'allocation.run': {
      cli: () => ['allocate', '--time-limit', '1'],
      api: () => ({ method: 'POST', url: '/api/plans/allocate', payload: { timeLimit: 1 } }),
    },
  },
};
