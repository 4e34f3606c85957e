/** Plans with their assignments (M4, M5, M7), locks, movements and ground-transfer capacity (M5). */
import { sql, type Kysely } from 'kysely';

/** Creates the planning and movement tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('destination_id', 'text', (c) =>
      c.references('destinations.id').onDelete('set null'),
    )
    .addColumn('arrival_airport', 'text')
    .addColumn('depart_at', 'timestamptz', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('seats', 'integer', (c) => c.notNull())
    .addColumn('baggage_kg', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('movements_depart').on('movements').column('depart_at').execute();
  await db.schema
    .createTable('ground_capacity')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('persons', 'integer', (c) => c.notNull())
    .addColumn('vehicles', 'integer', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('plans')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer')
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('plans_kind_version', ['kind', 'version'])
    .execute();
  await db.schema
    .createTable('plan_assignments')
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('destination_id', 'text')
    .addColumn('movement_id', 'text')
    .addColumn('locked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_assignments_pk', ['plan_id', 'household_id'])
    .execute();
  await db.schema
    .createTable('plan_locks')
    .addColumn('household_id', 'text', (c) =>
      c.primaryKey().references('households.id').onDelete('cascade'),
    )
    .addColumn('destination_id', 'text')
    .addColumn('movement_id', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
