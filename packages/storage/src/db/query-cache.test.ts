import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/backends.js';
import { openDatabase, type OpenDatabase } from './open.js';
import { QueryCache, type CachedAnswer } from './query-cache.js';

describe('the cache of reads', () => {
  /** A cache over a fake database: each run counts and answers with its count. */
  function counted() {
    let runs = 0;
    const cache = new QueryCache(() => Promise.resolve(['cases', 'people', 'notes']));
    const ask = (text: string, params: unknown[] = [], inTransaction = false) =>
      cache.query(text, params, inTransaction, () =>
        Promise.resolve<CachedAnswer>({ rows: [{ run: ++runs, nested: { n: runs } }] }),
      );
    return { cache, ask, runs: () => runs };
  }

  it('answers a read again until a table it names is written, and only then', async () => {
    const { ask, runs } = counted();
    const read = 'select * from "cases" where "id" = $1';
    expect((await ask(read, ['C-1'])).rows).toEqual([{ run: 1, nested: { n: 1 } }]);
    expect((await ask(read, ['C-1'])).rows).toEqual([{ run: 1, nested: { n: 1 } }]);
    expect((await ask(read, ['C-2'])).rows).toEqual([{ run: 2, nested: { n: 2 } }]);
    await ask('insert into "people" ("id") values ($1)', ['P-1']);
    expect((await ask(read, ['C-1'])).rows[0]).toMatchObject({ run: 1 }); // another table
    await ask('update "cases" set "status" = $1', ['x']);
    expect((await ask(read, ['C-1'])).rows[0]).toMatchObject({ run: 5 });
    await ask('delete from cases where id = $1', ['C-9']);
    expect((await ask(read, ['C-1'])).rows[0]).toMatchObject({ run: 7 });
    expect(runs()).toBe(7);
  });

  it('forgets everything after a statement it cannot place, and a join depends on both tables', async () => {
    const { ask } = counted();
    const join = 'select * from cases c join people p on p.case_id = c.id';
    await ask(join);
    await ask('insert into people (id) values ($1)', ['P-2']);
    expect((await ask(join)).rows[0]).toMatchObject({ run: 3 });
    await ask('with gone as (delete from notes returning id) select count(*) from gone');
    expect((await ask(join)).rows[0]).toMatchObject({ run: 5 });
    await ask('set local lock_timeout = 1000');
    expect((await ask(join)).rows[0]).toMatchObject({ run: 7 });
  });

  it('keeps nothing inside a transaction, nothing volatile or locking, nothing that names no table', async () => {
    const { ask, runs } = counted();
    const read = 'select * from cases';
    await ask(read, [], true);
    await ask(read, [], true);
    for (const text of [
      'select now(), * from cases',
      'select * from cases for update',
      "select nextval('seq') from cases",
      'select 1',
    ]) {
      await ask(text);
      await ask(text);
    }
    expect(runs()).toBe(10);
    await ask('begin');
    await ask(read);
    await ask('commit');
    await ask(read);
    expect(runs()).toBe(13); // begin, the read, commit; the last read answered
  });

  it('holds no answer a write made stale: it drops them when the write runs', async () => {
    const { cache, ask } = counted();
    await ask('select * from cases where id = $1', ['C-1']);
    await ask('select * from people');
    await ask('select * from cases c join notes n on n.case_id = c.id');
    expect(cache.size).toBe(3);
    await ask('update notes set text = $1', ['sealed']);
    expect(cache.size).toBe(2);
    await ask('delete from "cases" where "id" = $1', ['C-1']);
    expect(cache.size).toBe(1);
    // A read that takes an advisory lock or the clock is run every time and drops nothing.
    await ask('select pg_advisory_xact_lock($1)', [7]);
    await ask('select * from people for update');
    await ask('select now()');
    expect(cache.size).toBe(1);
    await ask(`select set_config('TimeZone', 'UTC', true)`);
    expect(cache.size).toBe(0);
    await ask('select * from people');
    await ask('truncate people');
    expect(cache.size).toBe(0);
  });

  it('holds a bounded number of rows, dropping the least recently used answers first', async () => {
    let runs = 0;
    const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ i }));
    const cache = new QueryCache(() => Promise.resolve(['cases']), 10, 3, 5);
    const ask = (id: string, n: number) =>
      cache.query('select * from cases where id = $1', [id], false, () => {
        runs++;
        return Promise.resolve<CachedAnswer>({ rows: rows(n) });
      });
    await ask('A', 2);
    await ask('B', 2);
    await ask('A', 2); // A is now the most recently used
    expect([cache.size, runs]).toEqual([2, 2]);
    await ask('C', 2); // 6 rows > 5: B goes
    expect(cache.size).toBe(2);
    await ask('A', 2);
    expect(runs).toBe(3);
    await ask('B', 2);
    expect(runs).toBe(4);
    await ask('D', 4); // more than 3 rows: answered, not kept
    await ask('D', 4);
    expect(runs).toBe(6);
  });

  it('gives every caller its own copy', async () => {
    const { ask } = counted();
    const first = await ask('select * from notes');
    (first.rows[0] as { nested: { n: number } }).nested.n = 99;
    const again = await ask('select * from notes');
    expect(again.rows[0]).toEqual({ run: 1, nested: { n: 1 } });
    (again.rows[0] as { nested: { n: number } }).nested.n = 98;
    expect((await ask('select * from notes')).rows[0]).toEqual({ run: 1, nested: { n: 1 } });
  });
});

describe('the embedded database in a thread, with the cache', () => {
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
    open = undefined;
  });

  it('reads its own writes, forgets a rolled-back one, and returns PostgreSQL errors with their code', async () => {
    const { dir } = tempDir();
    open = await openDatabase({ dataDir: dir, create: true, databaseThread: true });
    const db = open.db;
    await sql`create table t (id int primary key, at date, raw bytea, n bigint)`.execute(db);
    const count = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from t`.execute(db)).rows[0]!.n);
    expect(await count()).toBe(0);
    await sql`insert into t values (1, '2031-06-30', '\\x00ff'::bytea, 9007199254740993)`.execute(
      db,
    );
    expect(await count()).toBe(1);
    const row = (await sql<{ at: unknown; raw: unknown; n: unknown }>`select * from t`.execute(db))
      .rows[0]!;
    expect(row.at).toBe('2031-06-30'); // dates stay text, as on the main thread
    expect(row.raw).toEqual(new Uint8Array([0, 255]));
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t (id) values (2)`.execute(trx);
        expect(
          Number((await sql<{ n: string }>`select count(*) as n from t`.execute(trx)).rows[0]!.n),
        ).toBe(2);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(1);
    const duplicate = await sql`insert into t (id) values (1)`.execute(db).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Error);
    expect(duplicate).toMatchObject({
      code: '23505',
      message: expect.stringMatching(/duplicate key/),
    });
    expect(await count()).toBe(1);
  });
});
