/** Multi-row inserts in chunks: one statement per chunk, never one per row. */
import type { InsertObject, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/** A Kysely handle that may be a transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** Inserts rows in chunks sized to stay far below PostgreSQL's parameter limit. */
export async function insertInBatches<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: readonly Record<string, unknown>[],
  chunk = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    // Kysely cannot type a generic table name; the caller's rows are checked by their builders.
    const values = rows.slice(i, i + chunk) as InsertObject<Database, T>[];
    await db.insertInto(table).values(values).execute();
  }
}
