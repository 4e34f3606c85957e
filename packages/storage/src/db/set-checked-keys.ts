/**
 * Bulk writes with foreign keys checked per set instead of per row. PostgreSQL checks a foreign
 * key with a trigger on every inserted row, which is most of the cost of a large import; here the
 * triggers are paused for the caller's transaction only and every foreign key is then checked once
 * with an anti-join. A violation throws, so the transaction rolls back as it would have anyway.
 */
import { sql } from 'kysely';
import type { Db } from './batch.js';

interface ForeignKey {
  name: string;
  child: string;
  childColumns: string[];
  parent: string;
  parentColumns: string[];
}

async function mayPauseTriggers(trx: Db): Promise<boolean> {
  const r = await sql<{ su: boolean }>`select rolsuper as su from pg_roles
    where rolname = current_user`.execute(trx);
  return r.rows[0]?.su === true;
}

async function foreignKeys(trx: Db): Promise<ForeignKey[]> {
  const r = await sql<ForeignKey>`
    select c.conname as name, ch.relname as child, pa.relname as parent,
      array_agg(ca.attname::text order by k.ord) as "childColumns",
      array_agg(pca.attname::text order by k.ord) as "parentColumns"
    from pg_constraint c
    join pg_class ch on ch.oid = c.conrelid
    join pg_class pa on pa.oid = c.confrelid
    cross join lateral unnest(c.conkey, c.confkey) with ordinality as k(child_att, parent_att, ord)
    join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.child_att
    join pg_attribute pca on pca.attrelid = c.confrelid and pca.attnum = k.parent_att
    where c.contype = 'f' and pg_table_is_visible(c.conrelid)
    group by c.conname, ch.relname, pa.relname`.execute(trx);
  return r.rows;
}

/** The first foreign key some row breaks, or undefined when every row has its parent. */
async function brokenKey(trx: Db): Promise<string | undefined> {
  for (const fk of await foreignKeys(trx)) {
    const present = sql.join(
      fk.childColumns.map((c) => sql`x.${sql.ref(c)} is not null`),
      sql` and `,
    );
    const match = sql.join(
      fk.childColumns.map((c, i) => sql`p.${sql.ref(fk.parentColumns[i]!)} = x.${sql.ref(c)}`),
      sql` and `,
    );
    const r = await sql`select 1 from ${sql.table(fk.child)} x where ${present}
      and not exists (select 1 from ${sql.table(fk.parent)} p where ${match}) limit 1`.execute(trx);
    if (r.rows.length > 0) return `${fk.name} (${fk.child} → ${fk.parent})`;
  }
  return undefined;
}

/**
 * Runs `work` inside the caller's transaction with row-level foreign-key triggers paused when the
 * database role may pause them (PGlite always; PostgreSQL as a superuser), then checks every
 * foreign key once. Without that right, `work` runs with the ordinary per-row checks.
 */
export async function withSetCheckedKeys<T>(trx: Db, work: () => Promise<T>): Promise<T> {
  if (!(await mayPauseTriggers(trx))) return work();
  await sql`set local session_replication_role = replica`.execute(trx);
  const result = await work();
  await sql`set local session_replication_role = origin`.execute(trx);
  const broken = await brokenKey(trx);
  if (broken) throw new Error(`a bulk write broke the foreign key ${broken}`);
  return result;
}
