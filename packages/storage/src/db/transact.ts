/**
 * Runs work in a transaction, or inside the caller's when `db` already is one: a capability's
 * all-or-nothing write then joins a larger one (`Store.atomically`) instead of committing alone.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** `fn` in a new transaction of `db`, or in `db` itself when it is a transaction. */
export function transact<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
