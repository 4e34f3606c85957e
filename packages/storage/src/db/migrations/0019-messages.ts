/**
 * Messages to households (issue 23 item 1): templates per purpose and language, and one row per
 * message with its status. No address, name or text is stored: contact details stay sealed in the
 * person's record, and a message is rendered again from its template when needed.
 */
import { sql, type Kysely } from 'kysely';

/** Creates message_templates and messages. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('message_templates')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('message_templates_pk', ['purpose', 'language'])
    .execute();
  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigserial', (c) => c.notNull())
    .addColumn('batch', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('movement_id', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('channel', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addColumn('disclosure_id', 'text')
    .execute();
  await db.schema
    .createIndex('messages_household')
    .on('messages')
    .columns(['household_id', 'purpose'])
    .execute();
  await db.schema.createIndex('messages_movement').on('messages').column('movement_id').execute();
}
