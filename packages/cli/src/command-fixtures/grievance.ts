/** Fixtures for the grievance and appeal commands: log, answer, move; file and decide appeals. */
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** A case in the current allocation (appeals need its explanation). */
let caseId = '';
/** The grievance or appeal each call answers, by fixture key. */
const made = new Map<string, string>();

async function freshGrievance(store: Store, k: string): Promise<void> {
  const now = new Date();
  const g = await store.grievances.add(
    {
      householdId: caseId,
      channel: 'desk',
      category: 'timetable',
      urgency: 'normal',
      confidential: false,
      text: `fixture complaint ${k}`,
      receivedAt: now,
      dueAt: new Date(now.getTime() + 14 * 86_400_000),
    },
    seeder,
  );
  made.set(k, g.id);
}

async function freshAppeal(store: Store, k: string): Promise<void> {
  const plan = (await store.plans.current('allocation'))!;
  const a = await store.grievances.fileAppeal(
    {
      householdId: caseId,
      grounds: `fixture grounds ${k}`,
      requestedDestinationId: null,
      planId: plan.id,
      destinationId: null,
      explanation: {
        case: caseId,
        destination: null,
        persons: 1,
        here: null,
        others: [],
        linkedWith: [],
      },
    },
    seeder,
  );
  made.set(k, a.id);
}

const idOf = (k: string) => made.get(k) ?? 'G-none';

/** The grievance and appeal commands' fixtures. */
export const grievanceFixtures: FixtureGroup = {
  async setup(store) {
    const plan = await store.plans.current('allocation');
    const row = plan?.assignments[0];
    if (!row) throw new Error('the fixtures need an allocation plan (allocationFixtures first)');
    caseId = row.householdId;
  },
  fixtures: {
    'grievance.add': {
      cli: (k) => [
        'grievance',
        'add',
        '--case',
        caseId,
        '--channel',
        'desk',
        '--category',
        'allocation',
        '--urgency',
        'high',
        '--text',
        `fixture ${k}`,
      ],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/grievances`,
        payload: { channel: 'desk', category: 'allocation', urgency: 'high', text: `fixture ${k}` },
      }),
    },
    'grievance.respond': {
      prepare: (store, k) => freshGrievance(store, k),
      cli: (k) => ['grievance', 'respond', idOf(k), '--text', `answered ${k}`],
      api: (k) => ({
        method: 'POST',
        url: `/api/grievances/${idOf(k)}/respond`,
        payload: { text: `answered ${k}` },
      }),
    },
    'grievance.updateStatus': {
      prepare: (store, k) => freshGrievance(store, k),
      cli: (k) => ['grievance', 'status', idOf(k), '--status', 'acknowledged'],
      api: (k) => ({
        method: 'POST',
        url: `/api/grievances/${idOf(k)}/status`,
        payload: { status: 'acknowledged' },
      }),
    },
    'appeal.file': {
      // One appeal at a time per case: the one filed by the previous call is decided first.
      prepare: async (store) => {
        for (const a of await store.grievances.appeals({ householdId: caseId, status: 'filed' }))
          await store.grievances.decideAppeal(
            a.id,
            {
              outcome: 'rejected',
              reason: 'fixture: cleared',
              newDestinationId: null,
              newPlanId: null,
            },
            seeder,
          );
      },
      cli: (k) => ['appeal', 'file', '--case', caseId, '--grounds', `fixture grounds ${k}`],
      api: (k) => ({
        method: 'POST',
        url: `/api/cases/${caseId}/appeals`,
        payload: { grounds: `fixture grounds ${k}` },
      }),
    },
    'appeal.decide': {
      prepare: async (store, k) => {
        for (const a of await store.grievances.appeals({ householdId: caseId, status: 'filed' }))
          await store.grievances.decideAppeal(
            a.id,
            {
              outcome: 'rejected',
              reason: 'fixture: cleared',
              newDestinationId: null,
              newPlanId: null,
            },
            seeder,
          );
        await freshAppeal(store, k);
      },
      cli: (k) => ['appeal', 'decide', idOf(k), '--rejected', '--reason', 'fixture: not founded'],
      api: (k) => ({
        method: 'POST',
        url: `/api/appeals/${idOf(k)}/decision`,
        payload: { outcome: 'rejected', reason: 'fixture: not founded' },
      }),
    },
  },
};
