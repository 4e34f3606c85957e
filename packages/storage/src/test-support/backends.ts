/** Test helpers: a fresh database on each backend (PGlite in a temp folder, PostgreSQL per test). */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store } from '../store.js';
import { tempDir } from './temp-dir.js';

let counter = 0;

/** A new empty PostgreSQL database for this test run; returns its URL. */
export async function freshPostgresUrl(): Promise<string> {
  const admin = process.env.CORRIDOR_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `corridor_${process.env.CORRIDOR_TEST_RUN ?? 'adhoc'}_${process.pid}_${++counter}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

export { tempDir };

/** The master key every test store shares, so that backups move between backends. */
export const testEnv: NodeJS.ProcessEnv = {
  ...process.env,
  CORRIDOR_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
};

let template: Promise<string> | undefined;

/**
 * A migrated, empty PGlite data folder made once per test run, by the global setup
 * (scripts/test-global-setup.ts, which names it in CORRIDOR_TEST_PGLITE_TEMPLATE), or else once
 * per worker; fresh stores copy it, which saves every test file PGlite's initdb and the
 * migrations (several seconds of CPU each).
 */
function pgliteTemplate(): Promise<string> {
  const made = process.env.CORRIDOR_TEST_PGLITE_TEMPLATE;
  template ??= made ? Promise.resolve(made) : makePgliteTemplate();
  return template;
}

/** Makes a PGlite template folder and returns its path (removed by the global teardown). */
export async function makePgliteTemplate(): Promise<string> {
  const run = process.env.CORRIDOR_TEST_RUN ?? 'adhoc';
  const { dir } = tempDir(`corridor-template-${run}-`);
  const dataDir = join(dir, 'data');
  const store = await openStore({ dataDir, create: true }, testEnv);
  await store.close();
  return dataDir;
}

/** A backend under test: how to open a fresh, empty store on it. */
export interface Backend {
  name: 'pglite' | 'postgres';
  /** Opens a new empty store; `close` also removes its folder. */
  fresh(): Promise<{
    store: Store;
    dataDir: string;
    databaseUrl?: string;
    close: () => Promise<void>;
  }>;
}

/** Both backends; run storage tests with `describe.each(backends)`. */
export const backends: Backend[] = [
  {
    name: 'pglite',
    async fresh() {
      const { dir, cleanup } = tempDir();
      const dataDir = join(dir, 'data');
      cpSync(await pgliteTemplate(), dataDir, { recursive: true });
      const store = await openStore({ dataDir, create: true }, testEnv);
      return { store, dataDir, close: async () => (await store.close(), cleanup()) };
    },
  },
  {
    name: 'postgres',
    async fresh() {
      const { dir, cleanup } = tempDir();
      const databaseUrl = await freshPostgresUrl();
      const store = await openStore({ dataDir: dir, databaseUrl, create: true }, testEnv);
      return {
        store,
        dataDir: dir,
        databaseUrl,
        close: async () => (await store.close(), cleanup()),
      };
    },
  },
];

/** The embedded backend alone. */
export const pgliteBackend: Backend = backends[0]!;
/** The PostgreSQL backend alone (several processes may share its database). */
export const postgresBackend: Backend = backends[1]!;

export { pdfContent } from './pdf-text.js';

/**
 * What an attacker who copies the database's files reads, after a checkpoint: every file of a
 * PGlite data folder (copied while open), or every relation file of a PostgreSQL database.
 */
export async function rawDatabaseFiles(
  backendName: string,
  store: Store,
  dataDir: string,
): Promise<Buffer[]> {
  await sql`checkpoint`.execute(store.db);
  if (backendName === 'pglite') {
    const { dir, cleanup } = tempDir('corridor-attack-');
    try {
      cpSync(join(dataDir, 'pgdata'), join(dir, 'pgdata'), { recursive: true });
      return readdirSync(join(dir, 'pgdata'), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(join(e.parentPath, e.name)));
    } finally {
      cleanup();
    }
  }
  const files = await sql<{ path: string }>`select pg_relation_filepath(c.oid) as path
    from pg_class c where c.relkind in ('r', 't', 'i')
    and pg_relation_filepath(c.oid) is not null`.execute(store.db);
  const out: Buffer[] = [];
  for (const f of files.rows) {
    const read = await sql<{ b: Uint8Array | null }>`select pg_read_binary_file(${f.path}) as b
      where (pg_stat_file(${f.path}, true)).size is not null`.execute(store.db);
    if (read.rows[0]?.b) out.push(Buffer.from(read.rows[0].b));
  }
  return out;
}
export * from './disk-attack.js';
