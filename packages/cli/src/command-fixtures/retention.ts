/** Fixtures for retention: set a schedule, run the job (a job over HTTP), place and release holds. */
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

/** The person each call holds or releases, by fixture key. */
const chosen = new Map<string, string>();

/** A living person under no hold, for one call. */
async function freePerson(store: Store, k: string): Promise<string> {
  const held = new Set((await store.retention.holds({ active: true })).map((h) => h.subjectId));
  const rows = await store.db
    .selectFrom('persons')
    .select('id')
    .where('erased_at', 'is', null)
    .orderBy('id', 'desc')
    .execute();
  const free = rows.find((r) => !held.has(r.id));
  if (!free) throw new Error('no person left to hold');
  chosen.set(k, free.id);
  return free.id;
}

const personOf = (k: string) => chosen.get(k) ?? 'P-none';

/** The retention commands' fixtures. */
export const retentionFixtures: FixtureGroup = {
  fixtures: {
    'retention.set': {
      cli: () => ['retention', 'set', '--category', 'checkin', '--days', '400'],
      api: () => ({
        method: 'PUT',
        url: '/api/retention',
        payload: { category: 'checkin', days: 400, after: 'movement' },
      }),
    },
    'retention.run': {
      cli: () => ['retention', 'run'],
      api: () => ({ method: 'POST', url: '/api/retention/run', payload: {} }),
    },
    'legal-hold.place': {
      prepare: async (store, k) => {
        await freePerson(store, k);
      },
      cli: (k) => ['legal-hold', 'place', '--person', personOf(k), '--reason', `fixture ${k}`],
      api: (k) => ({
        method: 'POST',
        url: '/api/legal-holds',
        payload: { person: personOf(k), reason: `fixture ${k}` },
      }),
    },
    'legal-hold.release': {
      prepare: async (store, k) => {
        const id = await freePerson(store, k);
        await store.retention.placeHold(
          { subject: 'person', subjectId: id, reason: 'fixture' },
          seeder,
          new Date(),
        );
      },
      cli: (k) => ['legal-hold', 'release', '--person', personOf(k)],
      api: (k) => ({
        method: 'POST',
        url: '/api/legal-holds/release',
        payload: { person: personOf(k) },
      }),
    },
  },
};
