/** A small Kysely dialect over embedded PGlite: one connection, handed out one holder at a time. */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from 'kysely';
import type { PgliteLike } from './pglite-thread.js';
import { QueryCache } from './query-cache.js';

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  async lock(): Promise<void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
  }

  unlock(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}

class PGliteConnection implements DatabaseConnection {
  /** Between `begin` and `commit` or `rollback` (the cache keeps nothing then). */
  inTransaction = false;

  constructor(
    private readonly pg: PgliteLike,
    private readonly cache: QueryCache | null,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const params = compiled.parameters as unknown[];
    const run = () => this.pg.query<R>(compiled.sql, params);
    const result = this.cache
      ? await this.cache.query(compiled.sql, params, this.inTransaction, run)
      : await run();
    const changed = result.affectedRows;
    return {
      rows: result.rows as R[],
      ...(changed !== undefined && result.command !== 'SELECT'
        ? { numAffectedRows: BigInt(changed) }
        : {}),
    };
  }

  /** Runs `copy … from '/dev/blob'` reading `data`. */
  async copyFromBlob(copySql: string, data: Uint8Array): Promise<void> {
    const run = () => this.pg.query(copySql, [], { blob: new Blob([data]) });
    await (this.cache ? this.cache.query(copySql, [], this.inTransaction, run) : run());
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

/**
 * Runs `copySql` (a `copy … from '/dev/blob'`) with `data` as the blob when `db` is on PGlite, on
 * its connection (the transaction's, inside one); false, and nothing run, on any other backend.
 */
export function copyFromBlob(
  db: Pick<Kysely<unknown>, 'getExecutor'>,
  copySql: string,
  data: Uint8Array,
): Promise<boolean> {
  return db.getExecutor().provideConnection(async (connection) => {
    if (!(connection instanceof PGliteConnection)) return false;
    await connection.copyFromBlob(copySql, data);
    return true;
  });
}

/** Whether `db` runs on PGlite (through this dialect). */
export function onPglite(db: Pick<Kysely<unknown>, 'getExecutor'>): Promise<boolean> {
  return db
    .getExecutor()
    .provideConnection((connection) => Promise.resolve(connection instanceof PGliteConnection));
}

class PGliteDriver implements Driver {
  private readonly mutex = new Mutex();
  private readonly connection: PGliteConnection;

  constructor(
    private readonly pg: PgliteLike,
    cache: boolean,
  ) {
    this.connection = new PGliteConnection(
      pg,
      cache
        ? new QueryCache(async () =>
            (
              await pg.query<{ name: string }>(
                `select tablename as name from pg_tables where schemaname = 'public'`,
              )
            ).rows.map((r) => r.name),
          )
        : null,
    );
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    return this.connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin'));
    (connection as PGliteConnection).inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('commit'));
    } finally {
      (connection as PGliteConnection).inTransaction = false;
    }
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      (connection as PGliteConnection).inTransaction = false;
    }
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

/**
 * Kysely dialect for a PGlite instance that this dialect owns (destroying Kysely closes it): in this
 * thread, or in a worker thread (`PgliteThread`).
 */
export class PGliteDialect implements Dialect {
  /** `cache`: keep answers to repeated reads until their tables are written (`query-cache.ts`). */
  constructor(
    private readonly pg: PgliteLike,
    private readonly cache = false,
  ) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.cache);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
