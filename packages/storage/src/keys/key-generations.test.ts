import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { backends, freshPostgresUrl, tempDir, testEnv } from '../test-support/backends.js';
import { Vault } from '../vault/vault.js';
import * as freshItemSecrets from '../db/migrations/0028-fresh-item-secrets.js';
import { wrappedColumns } from './rotate-keys.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 120, seed: 5 });
const master = Buffer.from(testEnv.CORRIDOR_MASTER_KEY!, 'base64');
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.each(backends)('key generations on $name', (backend) => {
  it('has nothing to upgrade in a new database, and keeps the upgrade for one with items', async () => {
    const opened = await backend.fresh();
    cleanups.push(opened.close);
    const store = opened.store;
    const marked = async () =>
      (
        await store.db
          .selectFrom('meta')
          .select('value')
          .where('key', '=', 'item_secrets_upgraded')
          .executeTakeFirst()
      )?.value;
    // Marked by migration 0028 on the empty database: the first rotation opens no record.
    expect(await marked()).toMatch(/not needed/);
    await store.registry.createOperation(demo, admin);
    // The same migration on a database that holds items (one made before it) marks nothing.
    await store.db.deleteFrom('meta').where('key', '=', 'item_secrets_upgraded').execute();
    await freshItemSecrets.up(store.db as never);
    expect(await marked()).toBeUndefined();
    await store.keys.rotate();
    expect(await marked()).toBeDefined();
  });

  it('names the backups that still hold an erased person, by generation, until they expire', async () => {
    const opened = await backend.fresh();
    cleanups.push(opened.close);
    const store = opened.store;
    await store.registry.createOperation(demo, admin);
    const [p1, p2] = demo.persons.filter((p) => !p.isHead);
    const { content } = await store.backup();
    const generation = (await store.keys.status()).generation;
    expect(content.subarray(0, 18).toString()).toBe('CORRIDOR-BACKUP-2\n');

    const first = await store.registry.erasePerson(p1!.id, admin, { now: true });
    expect(first.final).toBe(true);
    expect(first.backupsHolding).toHaveLength(1);
    expect(first.backupsHolding[0]).toMatchObject({ generation });
    expect(Date.parse(first.backupsHolding[0]!.expiresAt) - Date.now()).toBeGreaterThan(
      29 * 86_400_000,
    );
    // A backup taken after the first erasure holds the second person, not the first.
    await store.backup();
    const second = await store.registry.erasePerson(p2!.id, admin, { now: true });
    expect(second.backupsHolding.map((b) => b.generation)).toEqual([generation, generation + 1]);
    await sql`update backups set expires_at = now() - interval '1 day'
      where kek_generation = ${generation}`.execute(store.db);
    // Once the first backup has expired only the later one is named.
    const third = await store.registry.erasePerson(
      demo.persons.filter((p) => !p.isHead)[2]!.id,
      admin,
      {
        now: true,
      },
    );
    expect(third.backupsHolding.map((b) => b.generation)).toEqual([generation + 1]);
    expect(await store.keys.status()).toMatchObject({
      generation: generation + 3,
      pendingErasures: 0,
    });

    // The older backup still restores (its own key, not a destroyed generation) into a new store.
    const target = await backend.fresh();
    cleanups.push(target.close);
    await target.store.restore(content);
    const view = await target.store.registry.household(p1!.householdId);
    expect(view?.members.find((m) => m.id === p1!.id)?.pii).toEqual(p1!.pii);
  }, 300_000);

  it('keeps a folder made before keyrings opening: its keys move onto generation 1', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const config = {
      dataDir: join(dir, 'data'),
      ...(backend.name === 'postgres' ? { databaseUrl: await freshPostgresUrl() } : {}),
      create: true,
    };
    const store = await openStore(config, testEnv);
    await store.registry.createOperation(demo, admin);
    await store.incidents.add(
      [
        {
          id: 'INC-1',
          type: 'indirect-fire',
          at: '2026-11-01T10:00:00+04:30',
          timezone: 'Asia/Kabul',
          site: 'road',
          lat: null,
          lon: null,
          injured: 0,
          killed: 0,
          source: 'test',
          confidence: 'credible',
          narrative: 'a narrative',
          cases: [],
        },
      ],
      admin,
    );
    // Turn it into what the previous version wrote: keys wrapped by the master key, no keyring.
    const keyDir = join(config.dataDir, 'keys');
    const vault = new Vault(master, keyDir);
    for (const c of wrappedColumns) {
      const rows = await sql<{ id: string; w: Uint8Array }>`select ${sql.ref(c.id)} as id,
        ${sql.ref(c.column)} as w from ${sql.table(c.table)} where ${sql.ref(c.column)} is not null`.execute(
        store.db,
      );
      for (const r of rows.rows) {
        const legacy = vault.wrapRecordKey(
          c.kind,
          r.id,
          vault.unwrapRecordKey(c.kind, r.id, r.w),
          0,
        );
        await sql`update ${sql.table(c.table)} set ${sql.ref(c.column)} = ${legacy}
          where ${sql.ref(c.id)} = ${r.id}`.execute(store.db);
      }
    }
    await sql`delete from meta where key in ('kek_generation', 'keyring_id')`.execute(store.db);
    await store.close();
    rmSync(keyDir, { recursive: true });

    const again = await openStore({ ...config, create: false }, testEnv);
    try {
      expect(await again.keys.status()).toMatchObject({ generation: 1, pendingErasures: 0 });
      expect(readdirSync(keyDir).sort()).toEqual(['kek-000001.key', 'keyring.json']);
      const legacyLeft = await sql<{ n: number }>`select count(*)::int as n from person_keys
        where substring(wrapped from 1 for 3) <> '\\x434b01'::bytea`.execute(again.db);
      expect(legacyLeft.rows[0]?.n).toBe(0);
      const person = demo.persons[0]!;
      const view = await again.registry.household(person.householdId);
      expect(view?.members.find((m) => m.id === person.id)?.pii).toEqual(person.pii);
      expect((await again.incidents.list())[0]?.narrative).toBe('a narrative');
    } finally {
      await again.close();
    }
  }, 300_000);

  it('refuses a keyring folder of another database, and says which key file is missing', async () => {
    const a = await backend.fresh();
    cleanups.push(a.close);
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const shared = { ...testEnv, CORRIDOR_KEY_DIR: join(a.dataDir, 'keys') };
    await expect(
      openStore(
        {
          dataDir: join(dir, 'other'),
          create: true,
          ...(backend.name === 'postgres' ? { databaseUrl: await freshPostgresUrl() } : {}),
        },
        shared,
      ),
    ).rejects.toThrow(/belongs to another database/);
    await a.store.registry.createOperation(demo, admin);
    await a.store.close();
    const keyDir = join(a.dataDir, 'keys');
    for (const f of readdirSync(keyDir)) if (f.startsWith('kek-')) rmSync(join(keyDir, f));
    await expect(
      openStore(
        {
          dataDir: a.dataDir,
          create: false,
          ...(a.databaseUrl ? { databaseUrl: a.databaseUrl } : {}),
        },
        testEnv,
      ),
    ).rejects.toThrow(/key file of generation \d+ is missing/);
    expect(existsSync(keyDir)).toBe(true);
  }, 300_000);
});
