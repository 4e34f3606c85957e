/**
 * Saved form mappings (issue 23 item 4): how a KoBoToolbox / ODK form or a Primero export's columns
 * map to Corridor's registry columns. A mapping names columns, never a person.
 */
import { sql, type Kysely } from 'kysely';

/** Creates import_mappings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
