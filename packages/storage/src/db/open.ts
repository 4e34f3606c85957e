/** Opens the database: embedded PGlite in a locked data folder, or PostgreSQL from DATABASE_URL. */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { errors, isCorridorError } from '@corridor/core';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockFolder, type FolderLock } from './lock.js';
import { migrateToLatest } from './migrate.js';
import { withStartupLock } from './startup-lock.js';
import { PGliteDialect } from './pglite-dialect.js';
import { PgliteThread, type PgliteLike } from './pglite-thread.js';
import type { Database } from './schema.js';

/** Where the data lives and whether a missing database may be created. */
export interface DatabaseConfig {
  /** The data folder: the embedded database, its lock and, by default, the master key file. */
  dataDir: string;
  /** A PostgreSQL connection string; when set, the database lives there instead. */
  databaseUrl?: string | undefined;
  /** Create the database when it does not exist yet (false: fail with a clear message). */
  create: boolean;
  /**
   * Embedded only: run PGlite in a worker thread (`pglite-thread.ts`) and keep answers to repeated
   * reads until their tables are written (`query-cache.ts`), as `corridor serve` does, so that the
   * database works beside the HTTP work; one-shot commands keep it in their own thread.
   */
  databaseThread?: boolean | undefined;
}

/** An open database with its kind, a printable target and a close that releases the lock. */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  target: string;
  close(): Promise<void>;
  /** PostgreSQL only: see `Store.rawQuery`. */
  rawQuery?: (text: string, values?: unknown[]) => Promise<unknown>;
}

/** The marker file that makes a folder a Corridor data folder. */
export const markerFileName = 'corridor.json';
const dateOid = 1082;

/** Hides the password of a connection string in messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

function checkFolder(dir: string, create: boolean): void {
  if (!existsSync(dir)) {
    if (!create) throw errors.noData(dir);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (!statSync(dir).isDirectory()) throw errors.notCorridorData(dir, 'it is a file, not a folder');
  const entries = readdirSync(dir);
  // A folder holding only a master key (copied in before a restore) counts as empty.
  if (entries.every((e) => e === 'master.key')) {
    if (!create) throw errors.noData(dir);
    return;
  }
  if (!entries.includes(markerFileName)) {
    throw errors.notCorridorData(dir, `it holds other files and no ${markerFileName}`);
  }
  if (!entries.includes('pgdata'))
    throw errors.notCorridorData(dir, 'its database folder pgdata is missing');
}

async function openEmbedded(config: DatabaseConfig): Promise<OpenDatabase> {
  const dir = resolve(config.dataDir);
  checkFolder(dir, config.create);
  const lock: FolderLock = lockFolder(dir);
  try {
    const marker = join(dir, markerFileName);
    if (!existsSync(marker)) {
      writeFileSync(
        marker,
        JSON.stringify({ format: 'corridor-data', version: 1, created: new Date().toISOString() }) +
          '\n',
      );
    }
    // CORRIDOR_PGLITE_THREAD=1 gives every embedded store the server's setup (tests), 0 none.
    const forced = process.env.CORRIDOR_PGLITE_THREAD;
    const serving = forced === '1' || (forced !== '0' && config.databaseThread === true);
    const client: PgliteLike = serving
      ? new PgliteThread(join(dir, 'pgdata'), dateOid)
      : new PGlite(join(dir, 'pgdata'), { parsers: { [dateOid]: (v: string) => v } });
    try {
      await client.waitReady;
    } catch (error) {
      // A thread left running would keep the process alive.
      await client.close().catch(() => undefined);
      throw errors.notCorridorData(
        dir,
        `its database cannot be opened (${(error as Error).message})`,
      );
    }
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client, serving) });
    try {
      await migrateToLatest(db as Kysely<unknown>);
    } catch (error) {
      await db.destroy().catch(() => undefined);
      throw error;
    }
    return {
      db,
      kind: 'pglite',
      target: dir,
      close: async () => {
        await db.destroy();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function openPostgres(url: string, create: boolean): Promise<OpenDatabase> {
  const target = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === dateOid
          ? (v: string) => v
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => undefined);
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw errors.databaseUnreachable(target, (error as Error).message || String(error));
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
      db,
    );
    const names = tables.rows.map((r) => r.name);
    if (names.length > 0 && !names.includes('corridor_migrations')) {
      throw errors.notCorridorData(target, 'it holds other tables and no corridor_migrations');
    }
    if (!create && !names.includes('corridor_migrations')) throw errors.noData(target);
    await withStartupLock(db, () => migrateToLatest(db as Kysely<unknown>));
  } catch (error) {
    await db.destroy();
    throw isCorridorError(error)
      ? error
      : errors.databaseUnreachable(target, (error as Error).message);
  }
  return {
    db,
    kind: 'postgres',
    target,
    close: () => db.destroy(),
    rawQuery: (text, values) => pool.query(text, values),
  };
}

/** Opens (and migrates) the configured database. */
export function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, config.create)
    : openEmbedded(config);
}
