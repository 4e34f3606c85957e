/** The property ledger and belongings with their hash-chained custody events (M9). */
import { sql, type Kysely } from 'kysely';

/** Creates the assets, offers, restrictions, sales, belongings and custody_events tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('appraised_minor', 'bigint', (c) => c.notNull().check(sql`appraised_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('appraised_on', 'date', (c) => c.notNull())
    .addColumn('abandoned_on', 'date')
    .addColumn('abandon_note', 'text')
    .execute();
  await db.schema
    .createTable('asset_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_ids', 'jsonb', (c) => c.notNull())
    .addColumn('buyer', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('asset_restrictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_ids', 'jsonb', (c) => c.notNull())
    .addColumn('imposed_by', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('permitted_fraction', 'double precision', (c) => c.notNull())
    .addColumn('price_cap_fraction', 'double precision')
    .addColumn('blocked', 'boolean', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createTable('asset_sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('buyer', 'text', (c) => c.notNull())
    .execute();
  // The description is sealed with the owner's data key: erasing the person erases it.
  await db.schema
    .createTable('belongings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'bytea', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('belongings_person').on('belongings').column('person_id').execute();
  // Append-only: each event holds the hash of the one before (the first, the item's hash).
  await db.schema
    .createTable('custody_events')
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('belongings.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('detail', 'bytea', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('audit_seq', 'bigint', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('custody_events_pk', ['item_id', 'seq'])
    .execute();
}
