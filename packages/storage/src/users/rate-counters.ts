/** Fixed-window counters in the database, so that every server process sees the same counts. */
import { sql } from 'kysely';
import type { Db } from '../db/batch.js';
import type { Hits } from './session-store.js';

/** Adds one to the counter `key`, starting a new window when the last one is over. */
export async function hitCounter(db: Db, key: string, windowMs: number, now: Date): Promise<Hits> {
  const cutoff = new Date(now.getTime() - windowMs);
  const row = await db
    .insertInto('rate_counters')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_counters.window_start <= ${cutoff} then 1 else rate_counters.count + 1 end`,
        window_start: sql<Date>`case when rate_counters.window_start <= ${cutoff} then ${now}::timestamptz else rate_counters.window_start end`,
      }),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow();
  return { count: row.count, resetAt: new Date(new Date(row.window_start).getTime() + windowMs) };
}

/** The counter `key` in its current window (zero when the window is over). */
export async function readCounter(db: Db, key: string, windowMs: number, now: Date): Promise<Hits> {
  const row = await db
    .selectFrom('rate_counters')
    .select(['count', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst();
  const start = row ? new Date(row.window_start).getTime() : 0;
  if (!row || start <= now.getTime() - windowMs) return { count: 0, resetAt: now };
  return { count: row.count, resetAt: new Date(start + windowMs) };
}
