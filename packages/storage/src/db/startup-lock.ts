/**
 * One process at a time through first-start work on a shared PostgreSQL database (migrations,
 * a job queue's schema): a session advisory lock held on one connection of the pool while `fn`
 * runs on the others. Two servers started at once on a new database otherwise race on
 * `create … if not exists` and one of them fails ("current transaction is aborted").
 */
import { sql, type Kysely } from 'kysely';

const startupLockKey = 7_270_302;

/** Runs `fn` while holding the database's start-up lock (waits for another process's turn). */
export async function withStartupLock<DB, T>(db: Kysely<DB>, fn: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${startupLockKey})`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${startupLockKey})`.execute(connection);
    }
  });
}
