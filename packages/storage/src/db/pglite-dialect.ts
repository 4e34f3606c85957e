/** A small Kysely dialect over embedded PGlite: one connection, handed out one holder at a time. */
import type { PGlite } from '@electric-sql/pglite';
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
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[]);
    const changed = result.affectedRows;
    return {
      rows: result.rows,
      ...(changed !== undefined && result.command !== 'SELECT'
        ? { numAffectedRows: BigInt(changed) }
        : {}),
    };
  }

  /** Runs `copy … from '/dev/blob'` reading `data`. */
  async copyFromBlob(copySql: string, data: Uint8Array): Promise<void> {
    await this.pg.query(copySql, [], { blob: new Blob([data]) });
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

  constructor(private readonly pg: PGlite) {
    this.connection = new PGliteConnection(pg);
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
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

/** Kysely dialect for a PGlite instance that this dialect owns (destroying Kysely closes it). */
export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
