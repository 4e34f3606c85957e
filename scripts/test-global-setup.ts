/**
 * Vitest global setup: every run gets its own PostgreSQL database prefix, and every database
 * created under it is dropped at the end; one PGlite template folder serves the run's workers.
 * PostgreSQL must answer (scripts/bootstrap.mjs starts it).
 */
import { readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const adminUrl =
  process.env.CORRIDOR_TEST_PG_ADMIN ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${adminUrl} does not answer (${(error as Error).message}); run the tests with \`npm test\`, which starts it`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  process.env.CORRIDOR_TEST_PG_ADMIN = adminUrl;
  process.env.CORRIDOR_TEST_RUN = `t${Date.now().toString(36)}${process.pid.toString(36)}`;
  // One migrated PGlite folder for every worker to copy, made here, before any test's timeout runs.
  const { makePgliteTemplate } = await import('../packages/storage/src/test-support/backends.js');
  process.env.CORRIDOR_TEST_PGLITE_TEMPLATE = await makePgliteTemplate();
}

export async function teardown(): Promise<void> {
  const templates = `corridor-template-${process.env.CORRIDOR_TEST_RUN}-`;
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(templates))) {
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const prefix = `corridor_${process.env.CORRIDOR_TEST_RUN}_`;
    const rows = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${prefix}%`],
    );
    for (const { datname } of rows.rows) {
      await client.query(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await client.end();
  }
}
