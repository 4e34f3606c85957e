/** Fixtures for the case commands: a status transition every writer role may make. */
import { decideTransition, preDepartureStatuses, type CaseStatus } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** The case the fixture moves, and the status it returns to before each call. */
let caseId = '';
let home: CaseStatus = 'registered';

/** Planners may hold a case, movement officers report it missing; the others may do both. */
const targetOf = (k: string): CaseStatus => (k.startsWith('PLANNER') ? 'on-hold' : 'missing');

async function backHome(store: Store): Promise<void> {
  const view = await store.registry.household(caseId);
  if (!view || view.status === home) return;
  await store.registry.transitionCase(caseId, home, 'fixture: back', seeder, (from, resumeTo) =>
    decideTransition(caseId, from, home, 'admin', resumeTo),
  );
}

/** The case commands' fixtures. */
export const caseFixtures: FixtureGroup = {
  async setup(store) {
    const list = await store.registry.findCases({ limit: 500, offset: 0 });
    const row = list.cases.find((c) => preDepartureStatuses.includes(c.status));
    if (!row) throw new Error('the demo has no case before departure');
    caseId = row.id;
    home = row.status;
  },
  fixtures: {
    'case.transition': {
      prepare: (store) => backHome(store),
      cli: (k) => ['case', 'move', caseId, '--to', targetOf(k), '--reason', `fixture ${k}`],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/status`,
        payload: { to: targetOf(k), reason: `fixture ${k}` },
      }),
    },
  },
};
