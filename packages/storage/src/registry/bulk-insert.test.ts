import { describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { onPglite } from '../db/pglite-dialect.js';
import { insertJsonRows } from './bulk-insert.js';

/** Values a hand-written COPY or JSON path gets wrong: separators, escapes, quotes, scripts, bytes. */
const awkward = [
  'tab\there',
  'line\nbreak\r\nand back',
  'back\\slash \\N \\x41 \\.',
  `quotes ' " and "","" ; -- comment`,
  'نام خانوادگی',
  '名字 😀 e\u0301',
  '',
];

const households = awkward.map((status, i) => ({
  id: `C-${i}`,
  status,
  origin_country: i % 2 ? 'AFG' : 'IRQ',
  languages: i % 2 ? ['ar', 'fa'] : { odd: status, n: [1, null, true] },
  ready_date: i === 3 ? null : `2026-0${1 + (i % 9)}-2${i}`,
  priority: i === 0 ? -2_147_483_648 : i * 1000,
}));

const persons = households.map((h, i) => ({
  id: `P-${i}`,
  household_id: h.id,
  is_head: i % 2 === 0,
  sex: i === 5 ? 'm' : 'f',
  birth_year: i === 5 ? null : 1950 + i,
  // Every byte value, zero bytes and an empty value, as bytes or as base64 text.
  pii:
    i === 1
      ? Buffer.from([0, 1, 2, 255]).toString('base64')
      : Buffer.from([...Array(256).keys()].map((b) => (b + i) % 256)),
  pii_key: i === 2 ? Buffer.alloc(0) : i === 4 ? null : Buffer.alloc(40, i),
  name_bidx: h.status,
}));

const householdColumns = {
  id: 'text',
  status: 'text',
  origin_country: 'text',
  languages: 'jsonb',
  ready_date: 'date',
  priority: 'integer',
} as const;

const personColumns = {
  id: 'text',
  household_id: 'text',
  is_head: 'boolean',
  sex: 'text',
  birth_year: 'integer',
  pii: 'bytea',
  pii_key: 'bytea',
  name_bidx: 'text',
} as const;

const asBytes = (v: unknown) =>
  v === null
    ? null
    : typeof v === 'string'
      ? Buffer.from(v, 'base64')
      : Buffer.from(v as Uint8Array);

describe.each(backends)('bulk inserts on $name', (backend) => {
  it('stores every value as given, in chunks, and defaults the columns not named', async () => {
    const { store, close } = await backend.fresh();
    try {
      await store.db.transaction().execute(async (trx) => {
        // PGlite takes the rows by binary COPY, PostgreSQL by json_to_recordset.
        expect(await onPglite(trx)).toBe(backend.name === 'pglite');
        await insertJsonRows(trx, 'households', householdColumns, households, 3);
        await insertJsonRows(trx, 'persons', personColumns, persons, 2);
      });
      const hs = await store.db.selectFrom('households').selectAll().orderBy('id').execute();
      expect(
        hs.map((h) => ({
          id: h.id,
          status: h.status,
          origin_country: h.origin_country,
          languages: h.languages,
          ready_date: h.ready_date,
          priority: h.priority,
        })),
      ).toEqual(households);
      expect(hs.every((h) => h.version === 1 && h.merged_into === null)).toBe(true);
      const ps = await store.db.selectFrom('persons').selectAll().orderBy('id').execute();
      expect(ps).toHaveLength(persons.length);
      for (const [i, p] of ps.entries()) {
        const want = persons[i]!;
        expect([p.id, p.household_id, p.is_head, p.sex, p.birth_year, p.name_bidx]).toEqual([
          want.id,
          want.household_id,
          want.is_head,
          want.sex,
          want.birth_year,
          want.name_bidx,
        ]);
        expect(Buffer.from(p.pii).equals(asBytes(want.pii)!)).toBe(true);
        expect(p.pii_key === null ? null : Buffer.from(p.pii_key)).toEqual(asBytes(want.pii_key));
      }
    } finally {
      await close();
    }
  });

  it('refuses a value its column cannot hold, and the transaction writes nothing', async () => {
    const { store, close } = await backend.fresh();
    try {
      for (const bad of [
        { ...households[0]!, ready_date: '2026-02-30' },
        { ...households[0]!, priority: 1.5 },
        { ...households[0]!, priority: 2 ** 31 },
      ])
        await expect(
          store.db.transaction().execute(async (trx) => {
            await insertJsonRows(trx, 'households', householdColumns, households.slice(1));
            await insertJsonRows(trx, 'households', householdColumns, [bad]);
          }),
        ).rejects.toThrow();
      const left = await store.db.selectFrom('households').select('id').execute();
      expect(left).toEqual([]);
    } finally {
      await close();
    }
  });
});
