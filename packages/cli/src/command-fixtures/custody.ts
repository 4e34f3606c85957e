/** Fixtures for the custody commands: belongings of one registered person. */
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

const at = '2031-06-30T05:40:00+03:00';
let owner = '';

async function setup(store: Store): Promise<void> {
  const person = await store.db
    .selectFrom('persons')
    .select('id')
    .where('merged_into', 'is', null)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  owner = person.id;
}

/** The custody commands' fixtures: fresh item ids each call. */
export const custodyFixtures: FixtureGroup = {
  setup,
  fixtures: {
    'custody.addItem': {
      cli: (k) => ['custody', 'add-item', owner, '--id', `B-${k}`, '--category', 'phone'],
      api: (k) => ({
        method: 'POST',
        url: `/api/persons/${owner}/belongings`,
        payload: { items: [{ id: `B-${k}`, category: 'phone', description: 'black phone' }] },
      }),
    },
    'custody.recordEvent': {
      prepare: (store, k) =>
        store.custody.addItems(
          [{ id: `B-EV-${k}`, personId: owner, category: 'radio', description: 'radio' }],
          seeder,
        ),
      cli: (k) => ['custody', 'event', `B-EV-${k}`, '--kind', 'packed', '--at', at],
      api: (k) => ({
        method: 'POST',
        url: `/api/belongings/B-EV-${k}/events`,
        payload: { kind: 'packed', at },
      }),
    },
  },
};
