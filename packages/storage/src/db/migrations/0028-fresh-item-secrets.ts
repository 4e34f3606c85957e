/**
 * A database that holds no item yet when this migration runs (every new one) has nothing sealed
 * the old way, since every writer since 0024 and 0027 gives each item a secret of its own: record
 * the one-time upgrade of `keys/upgrade-items.ts` as done, so that its first key rotation does not
 * open every record to look for legacy items. A database with items keeps the upgrade to do.
 */
import { sql, type Kysely } from 'kysely';

/** Marks the item upgrade done when persons, documents, case history and check-ins are all empty. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into meta (key, value)
    select 'item_secrets_upgraded', 'not needed: empty at migration 0028'
    where not exists (select 1 from persons)
      and not exists (select 1 from documents)
      and not exists (select 1 from case_history)
      and not exists (select 1 from checkin_events)
    on conflict (key) do nothing`.execute(db);
}
