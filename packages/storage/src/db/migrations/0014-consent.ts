/**
 * Consent and purpose, and the disclosure log (issue 20 item 4): consent records per person and
 * purpose (history kept; the note sealed under the person's key), and one row per disclosure of
 * personal data with the persons it carried in a table of their own.
 */
import { sql, type Kysely } from 'kysely';

/** Creates consents, lawful_bases, disclosures and disclosure_persons. */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The operation's declared basis other than consent (vital interests) per purpose; history kept.
  await db.schema
    .createTable('lawful_bases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) =>
      // A record removed as added by mistake takes its consents with it (person.remove).
      c.notNull().references('persons.id').onDelete('cascade'),
    )
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    // '' for the purposes that name no state: one key per (person, purpose, state).
    .addColumn('state', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('note_sealed', 'bytea')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consents_person')
    .on('consents')
    .columns(['person_id', 'purpose', 'state'])
    .execute();
  await db.schema.createIndex('consents_household').on('consents').column('household_id').execute();
  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('purpose', 'text')
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disclosures_at').on('disclosures').column('at').execute();
  await db.schema
    .createTable('disclosure_persons')
    .addColumn('disclosure_id', 'text', (c) =>
      c.notNull().references('disclosures.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('disclosure_persons_pk', ['disclosure_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('disclosure_persons_person')
    .on('disclosure_persons')
    .column('person_id')
    .execute();
  await db.schema
    .createIndex('disclosure_persons_household')
    .on('disclosure_persons')
    .column('household_id')
    .execute();
}
