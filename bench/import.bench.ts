/**
 * Import benchmark (M2): the synthetic demo at Kabul scale (generateDemo({ people: 124000 })),
 * exported to CSV with its HXL row by Corridor's own writer, then validated (dry run) and
 * imported (validation and writing, one transaction) into a fresh PGlite data folder — target:
 * under 15 s — and, when it answers, into a fresh PostgreSQL database. Peak memory is recorded.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, personRows, type ImportReport } from '@corridor/core';
import { importFile } from '@corridor/commands';
import { tableToCsv } from '@corridor/formats';
import { openStore, type Store } from '@corridor/storage';
import pg from 'pg';
import { since, writeResults } from './lib/report.js';

const people = 124_000;
const actor = { name: 'bench', role: 'admin' };
const env = { ...process.env, CORRIDOR_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') };
const dir = mkdtempSync(join(tmpdir(), 'corridor-import-bench-'));
const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Runs `work` while sampling the resident set size; returns its result, time, the process's CPU
 * time (user and system: on a shared machine it moves far less than the wall-clock time; PGlite
 * runs in this process, so its work counts too, PostgreSQL's does not) and peak RSS.
 */
async function measured<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    const result = await work();
    const cpu = process.cpuUsage(cpu0);
    return {
      result,
      ms: since(t0),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMiB: mib(Math.max(peak, process.memoryUsage.rss())),
    };
  } finally {
    clearInterval(timer);
  }
}

const summary = (r: ImportReport) => ({
  ok: r.ok,
  rows: r.rows,
  households: r.households.created,
  persons: r.persons.created,
  documents: r.documents,
  preferences: r.preferences,
  duplicatePairs: r.duplicatePairs,
  problems: r.problems.length,
});

/** Dry run, then the import, into a store that already holds the demo's destinations. */
async function run(store: Store, persons: string, destinations: string) {
  await importFile(store, { path: destinations }, {}, actor);
  const dry = await measured(() => importFile(store, { path: persons }, { dryRun: true }, actor));
  const real = await measured(() => importFile(store, { path: persons }, {}, actor));
  if (!real.result.ok)
    throw new Error(`import refused: ${JSON.stringify(real.result.problems.slice(0, 3))}`);
  return {
    validateMs: dry.ms,
    validateCpuMs: dry.cpuMs,
    validateAndImportMs: real.ms,
    validateAndImportCpuMs: real.cpuMs,
    targetMs: 15_000,
    met: real.ms < 15_000,
    peakRssMiB: real.peakRssMiB,
    report: summary(real.result),
  };
}

const t0 = performance.now();
const demo = generateDemo({ people });
const generateMs = since(t0);
const persons = join(dir, 'persons.csv');
const destinations = join(dir, 'destinations.json');
writeFileSync(persons, tableToCsv(personRows(demo), { hxl: true }));
writeFileSync(
  destinations,
  JSON.stringify({ destinations: demo.destinations, pledges: demo.pledges }),
);
const file = {
  persons: demo.persons.length,
  households: demo.households.length,
  documents: demo.documents.length,
  rows: demo.persons.length,
  bytes: statSync(persons).size,
  loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
  generateMs,
  rssBeforeImportMiB: mib(process.memoryUsage.rss()),
};
console.log(`file: ${JSON.stringify(file)}`);

const results: Record<string, unknown> = { file };
{
  const t = performance.now();
  const store = await openStore({ dataDir: join(dir, 'pglite'), create: true }, env);
  const openMs = since(t);
  try {
    results.pglite = { openMs, ...(await run(store, persons, destinations)) };
  } finally {
    await store.close();
  }
  console.log(`pglite: ${JSON.stringify(results.pglite)}`);
}

const admin = process.env.CORRIDOR_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `corridor_import_bench_${process.pid}`;
const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query(`create database "${name}"`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore(
    { dataDir: join(dir, 'pg'), databaseUrl: url.toString(), create: true },
    env,
  );
  try {
    results.postgres = await run(store, persons, destinations);
  } finally {
    await store.close();
    await client.query(`drop database "${name}"`);
  }
  console.log(`postgres: ${JSON.stringify(results.postgres)}`);
} catch (error) {
  results.postgres = { skipped: (error as Error).message };
} finally {
  await client.end().catch(() => undefined);
}

results.loadAverageAfter = loadavg().map((l) => Math.round(l * 100) / 100);
results.maxRssMiB = mib(process.resourceUsage().maxRSS * 1024);
console.log(`written to ${writeResults('import', results)}`);
rmSync(dir, { recursive: true, force: true });
