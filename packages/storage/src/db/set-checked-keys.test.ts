import { generateDemo } from '@corridor/core';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { withSetCheckedKeys } from './set-checked-keys.js';

const demo = generateDemo({ people: 40, seed: 3 });
const actor = { name: 'test', role: 'admin' };

describe.each(backends)('foreign keys checked per set on $name', (backend) => {
  it('keeps rows whose parents exist, and refuses a row without its parent as a whole', async () => {
    const { store, close } = await backend.fresh();
    try {
      await store.registry.createOperation(demo, actor);
      const h = demo.households[0]!.id;
      const ok = await store.db.transaction().execute((trx) =>
        withSetCheckedKeys(trx, async () => {
          await trx
            .insertInto('ties')
            .values({ household_id: h, country: 'DEU', kind: 'family' })
            .execute();
          return 'written';
        }),
      );
      expect(ok).toBe('written');
      const before = await store.db
        .selectFrom('ties')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      await expect(
        store.db.transaction().execute((trx) =>
          withSetCheckedKeys(trx, async () => {
            await trx
              .insertInto('ties')
              .values([
                { household_id: h, country: 'FRA', kind: 'family' },
                { household_id: 'C-NOT-THERE', country: 'FRA', kind: 'family' },
              ])
              .execute();
          }),
        ),
      ).rejects.toThrow(/foreign key .*ties → households/);
      const after = await store.db
        .selectFrom('ties')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
      // The pause ended with the transaction: an ordinary insert is checked row by row again.
      await expect(
        store.db
          .insertInto('ties')
          .values({ household_id: 'C-NOT-THERE', country: 'FRA', kind: 'family' })
          .execute(),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await close();
    }
  });
});
