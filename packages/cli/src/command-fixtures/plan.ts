/** Fixtures for the plan commands that write: locking and unlocking a case. */
import { caseStatuses } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** A case and a destination of the demo operation, read once in setup. */
const demo = { caseId: '', destinationId: '' };

async function anyCase(store: Store): Promise<string> {
  const { cases } = await store.registry.planningCases(caseStatuses);
  if (!cases[0]) throw new Error('the demo operation has no case to lock');
  return cases[0].id;
}

/** The plan commands' fixtures. */
export const planFixtures: FixtureGroup = {
  async setup(store) {
    demo.caseId = await anyCase(store);
    demo.destinationId = (await store.registry.destinations())[0]!.id;
  },
  fixtures: {
    'plan.lockCase': {
      cli: () => ['allocate', 'lock', demo.caseId, demo.destinationId, '--reason', 'fixture'],
      api: () => ({
        method: 'POST',
        url: `/api/cases/${demo.caseId}/lock`,
        payload: { destinationId: demo.destinationId, reason: 'fixture' },
      }),
    },
    'plan.unlockCase': {
      prepare: async (store) => {
        await store.plans.lock(
          {
            householdId: demo.caseId,
            destinationId: demo.destinationId,
            movementId: null,
            reason: 'to unlock',
          },
          seeder,
        );
      },
      cli: () => ['allocate', 'unlock', demo.caseId],
      api: () => ({ method: 'POST', url: `/api/cases/${demo.caseId}/unlock`, payload: {} }),
    },
  },
};
