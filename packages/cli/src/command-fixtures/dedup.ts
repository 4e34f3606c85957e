/** Fixtures for the duplicates review queue's writes: a scan, and a decision on a fresh pair. */
import type { Store } from '@corridor/storage';
import type { FixtureGroup } from './fixture.js';

/** Pair ids by fixture key, and persons to pair up (two different ones per call). */
const pairs = new Map<string, number>();
let persons: string[] = [];

async function freshPair(store: Store, k: string): Promise<void> {
  const i = pairs.size;
  const [a, b] = [persons[0]!, persons[i + 1]!].sort();
  const row = await store.db
    .insertInto('dedup_pairs')
    .values({ a_person: a!, b_person: b!, rule: 'fixture', score: 1 })
    .onConflict((oc) => oc.columns(['a_person', 'b_person']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) pairs.set(k, row.id);
}

const pairOf = (k: string) => pairs.get(k) ?? 0;

/** The dedup commands' fixtures. */
export const dedupFixtures: FixtureGroup = {
  async setup(store) {
    persons = (await store.registry.snapshot()).persons.map((p) => p.id);
  },
  fixtures: {
    'dedup.scan': {
      cli: () => ['dedup', 'scan'],
      api: () => ({ method: 'POST', url: '/api/dedup/scan', payload: {} }),
    },
    'dedup.decide': {
      prepare: (store, k) => freshPair(store, k),
      cli: (k) => ['dedup', 'decide', String(pairOf(k)), '--distinct', '--note', 'fixture: two'],
      api: (k) => ({
        method: 'POST',
        url: `/api/dedup/${pairOf(k)}/decision`,
        payload: { decision: 'distinct', note: 'fixture: two' },
      }),
    },
  },
};
