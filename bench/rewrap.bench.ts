/**
 * Re-wrap benchmark (issue 20): what an erasure costs once it is final on disk. For 2,000 and
 * 124,000 persons (the demo at camp and Kabul scale) on PGlite and, when it answers, PostgreSQL:
 * one key rotation (every data key unwrapped with the old generation, wrapped with a new one,
 * written back in one transaction, the old key file destroyed), and one erasure with `now`
 * (delete the key, rotate). Writes bench/results/rewrap.json.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { openStore, type Store } from '@corridor/storage';
import pg from 'pg';
import { campOnly, since, writeResults } from './lib/report.js';

const actor = { name: 'bench', role: 'admin' };
const env = { ...process.env, CORRIDOR_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };
const dir = mkdtempSync(join(tmpdir(), 'corridor-rewrap-bench-'));
const scales = campOnly ? [2_000] : [2_000, 124_000];

/** Loads the demo at `people`, then times two rotations and one erasure made final at once. */
async function measure(store: Store, people: number) {
  const demo = generateDemo({ people });
  const t0 = performance.now();
  await store.registry.createOperation(demo, actor);
  const loadMs = since(t0);
  const first = await store.keys.rotate();
  const second = await store.keys.rotate();
  const victim = demo.persons.find((p) => !p.isHead)!;
  const t1 = performance.now();
  const erased = await store.registry.erasePerson(victim.id, actor, { now: true });
  const eraseNowMs = since(t1);
  if (!erased.final) throw new Error('the erasure did not become final');
  return {
    persons: demo.persons.length,
    loadMs,
    rewrapped: first.rewrapped,
    rotationMs: [first.ms, second.ms],
    eraseNowMs,
    keysPerSecond: Math.round(first.rewrapped / (Math.min(first.ms, second.ms) / 1000)),
  };
}

const results: Record<string, unknown> = {};
for (const people of scales) {
  const store = await openStore({ dataDir: join(dir, `pglite-${people}`), create: true }, env);
  try {
    results[`pglite-${people}`] = await measure(store, people);
  } finally {
    await store.close();
  }
  console.log(`pglite ${people}: ${JSON.stringify(results[`pglite-${people}`])}`);
}

const admin = process.env.CORRIDOR_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
for (const people of scales) {
  const name = `corridor_rewrap_bench_${process.pid}_${people}`;
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query(`create database "${name}"`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    const store = await openStore(
      { dataDir: join(dir, `pg-${people}`), databaseUrl: url.toString(), create: true },
      env,
    );
    try {
      results[`postgres-${people}`] = await measure(store, people);
    } finally {
      await store.close();
      await client.query(`drop database "${name}"`);
    }
  } catch (error) {
    results[`postgres-${people}`] = { skipped: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
  console.log(`postgres ${people}: ${JSON.stringify(results[`postgres-${people}`])}`);
}

console.log(`written to ${writeResults('rewrap', results)}`);
rmSync(dir, { recursive: true, force: true });
