/** The registry (M1), destinations and pledges (M3), duplicates queue and the audit chain. */
import { sql, type Kysely } from 'kysely';

/** Creates the registry tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('operations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('camp_name', 'text', (c) => c.notNull())
    .addColumn('camp_country', 'text', (c) => c.notNull())
    .addColumn('airport_code', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('window_start', 'date', (c) => c.notNull())
    .addColumn('window_end', 'date', (c) => c.notNull())
    .addColumn('is_demo', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('destinations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('max_household_size', 'integer', (c) => c.notNull())
    .addColumn('medical_places', 'integer', (c) => c.notNull())
    .addColumn('disability_places', 'integer', (c) => c.notNull())
    .addColumn('languages', 'jsonb', (c) => c.notNull())
    .addColumn('requires_ties', 'boolean', (c) => c.notNull())
    .addColumn('lead_time_days', 'integer', (c) => c.notNull())
    .addColumn('arrival_airports', 'jsonb', (c) => c.notNull())
    .addColumn('pauses', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pledges')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('destination_id', 'text', (c) =>
      c.notNull().references('destinations.id').onDelete('cascade'),
    )
    .addColumn('period_start', 'date', (c) => c.notNull())
    .addColumn('period_end', 'date', (c) => c.notNull())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('cases', 'integer', (c) => c.notNull())
    .addColumn('medical_places', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('origin_country', 'text', (c) => c.notNull())
    .addColumn('languages', 'jsonb', (c) => c.notNull())
    .addColumn('ready_date', 'date')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('households_status').on('households').column('status').execute();
  await db.schema
    .createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('is_head', 'boolean', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('pii', 'bytea', (c) => c.notNull())
    .addColumn('name_bidx', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('erased_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('persons_household').on('persons').column('household_id').execute();
  await db.schema.createIndex('persons_name_bidx').on('persons').column('name_bidx').execute();
  await db.schema
    .createTable('person_keys')
    .addColumn('person_id', 'text', (c) =>
      c.primaryKey().references('persons.id').onDelete('cascade'),
    )
    .addColumn('wrapped', 'bytea', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('needs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_person').on('needs').column('person_id').execute();
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('expiry', 'date')
    .addColumn('secret', 'bytea', (c) => c.notNull())
    .addColumn('number_bidx', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_person').on('documents').column('person_id').execute();
  await db.schema
    .createIndex('documents_number_bidx')
    .on('documents')
    .column('number_bidx')
    .execute();
  await db.schema
    .createTable('case_links')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('a', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('b', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addUniqueConstraint('case_links_pair', ['a', 'b', 'kind'])
    .execute();
  await db.schema
    .createTable('preferences')
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('destination_id', 'text', (c) =>
      c.notNull().references('destinations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('preferences_pk', ['household_id', 'rank'])
    .execute();
  await db.schema
    .createTable('ties')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_history')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('case_history_household')
    .on('case_history')
    .column('household_id')
    .execute();
  await db.schema
    .createTable('dedup_pairs')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('a_person', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('b_person', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('dedup_pairs_pair', ['a_person', 'b_person'])
    .execute();
  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}
