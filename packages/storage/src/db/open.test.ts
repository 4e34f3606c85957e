import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { freshPostgresUrl, tempDir } from '../test-support/backends.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function folder(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return dir;
}

/** Starts a child process that opens the store and reports ready; returns it and its pid. */
function holder(dataDir: string): Promise<{ pid: number; kill: () => Promise<void> }> {
  const script = `import { openStore } from './packages/storage/src/store.ts';
import { noteServing } from './packages/storage/src/db/lock.ts';
const s = await openStore({ dataDir: ${JSON.stringify(dataDir)}, create: true });
await s.registry.createOperation(${JSON.stringify(generateDemo({ people: 30 }))}, { name: 'child', role: 'admin' });
noteServing(${JSON.stringify(dataDir)}, 'http://127.0.0.1:9');
process.stdout.write('ready\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '../../../..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready'))
        resolve({
          pid: child.pid!,
          // Resolves once the process is gone (a fixed wait was too short on a loaded machine).
          kill: () =>
            new Promise<void>((done) => {
              child.removeAllListeners('exit');
              child.once('exit', () => done());
              child.kill('SIGKILL');
            }),
        });
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
}

describe('embedded data folder', () => {
  it('refuses a folder that holds other files, and writes nothing into it', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(openStore({ dataDir: dir, create: true })).rejects.toThrow(
      /is not a Corridor data folder: it holds other files/,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses a file and a missing folder when not creating', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'file'), '');
    await expect(openStore({ dataDir: join(dir, 'file'), create: true })).rejects.toThrow(
      /it is a file/,
    );
    await expect(openStore({ dataDir: join(dir, 'missing'), create: false })).rejects.toThrow(
      /no Corridor data at/,
    );
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('lets one process in at a time and names the holder', async () => {
    const dataDir = join(folder(), 'data');
    const first = await openStore({ dataDir, create: true });
    cleanups.push(() => first.close());
    await expect(openStore({ dataDir, create: true })).rejects.toThrow(
      `in use by process ${process.pid}`,
    );
  });

  it('names another live process that holds the folder', async () => {
    const dataDir = join(folder(), 'data');
    const child = await holder(dataDir);
    cleanups.push(child.kill);
    // It serves the folder (as corridor serve notes it): the refusal says where to ask instead.
    await expect(openStore({ dataDir, create: false })).rejects.toThrow(
      `in use by process ${child.pid}, corridor serve at http://127.0.0.1:9: ask it over its API`,
    );
  });

  it('recovers the lock of a killed process and keeps its committed data', async () => {
    const dataDir = join(folder(), 'data');
    const child = await holder(dataDir);
    await child.kill();
    const store = await openStore({ dataDir, create: false });
    cleanups.push(() => store.close());
    expect((await store.registry.status()).persons).toBeGreaterThanOrEqual(30);
    // The killed server's address went with its lock.
    expect(existsSync(join(dataDir, 'corridor.serving'))).toBe(false);
  });

  it('applies migrations once, however often it is opened', async () => {
    const dataDir = join(folder(), 'data');
    for (let i = 0; i < 2; i++) await (await openStore({ dataDir, create: true })).close();
    const store = await openStore({ dataDir, create: false });
    cleanups.push(() => store.close());
    const rows = await store.db
      .selectFrom('corridor_migrations' as never)
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.map((r) => (r as { name: string }).name)).size).toBe(rows.length);
  });

  it('refuses a master key other than the one the data was made with', async () => {
    const dataDir = join(folder(), 'data');
    await (await openStore({ dataDir, create: true })).close();
    const other = Buffer.alloc(32, 1).toString('base64');
    await expect(
      openStore({ dataDir, create: false }, { CORRIDOR_MASTER_KEY: other }),
    ).rejects.toThrow(/does not open this database/);
  });
});

describe('PostgreSQL', () => {
  it('says clearly when the server does not answer', async () => {
    const dir = folder();
    await expect(
      openStore({
        dataDir: dir,
        databaseUrl: 'postgres://postgres@127.0.0.1:1/none',
        create: true,
      }),
    ).rejects.toThrow(/cannot reach the database at postgres:\/\/postgres@127.0.0.1:1\/none/);
  });

  it('refuses a database that holds other tables', async () => {
    const url = await freshPostgresUrl();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create table invoices (id int)');
    await client.end();
    await expect(openStore({ dataDir: folder(), databaseUrl: url, create: true })).rejects.toThrow(
      /holds other tables/,
    );
  });

  it('does not create a database when only reading', async () => {
    const url = await freshPostgresUrl();
    await expect(openStore({ dataDir: folder(), databaseUrl: url, create: false })).rejects.toThrow(
      /no Corridor data/,
    );
  });
});

it('keeps a created folder private to its owner', async () => {
  const dataDir = join(folder(), 'fresh');
  mkdirSync(join(dataDir, '..'), { recursive: true });
  const store = await openStore({ dataDir, create: true });
  cleanups.push(() => store.close());
  const { statSync } = await import('node:fs');
  expect(statSync(dataDir).mode & 0o077).toBe(0);
  expect(statSync(join(dataDir, 'master.key')).mode & 0o077).toBe(0);
});
