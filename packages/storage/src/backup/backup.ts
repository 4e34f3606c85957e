/**
 * Backup and restore of a whole database, the same for PGlite and PostgreSQL: a logical dump of
 * every table, gzip-compressed and encrypted under a key derived from the master key.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { errors } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { transact } from '../db/transact.js';

const magic = Buffer.from('CORRIDOR-BACKUP-1\n');
const skipped = new Set(['corridor_migrations_lock']);

interface TableDump {
  name: string;
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

interface BackupBody {
  format: 'corridor-backup';
  version: 1;
  created: string;
  keyCheck: string;
  tables: TableDump[];
}

/** What a backup or restore did. */
export interface BackupSummary {
  tables: number;
  rows: number;
  bytes: number;
}

type AnyDb = Kysely<Database>;

/** Tables in an order where every table comes after the tables it references. */
async function tablesInOrder(db: AnyDb): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      db,
    )
  ).rows
    .map((r) => r.name)
    .filter((n) => !skipped.has(n));
  const refs = (
    await sql<{ child: string; parent: string }>`select cl.relname as child, pl.relname as parent
      from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_class pl on pl.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const r of refs) if (r.child === t && r.parent !== t) visit(r.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function columnsOf(db: AnyDb, table: string): Promise<{ name: string; type: string }[]> {
  return (
    await sql<{ name: string; type: string }>`select column_name as name, data_type as type
      from information_schema.columns where table_schema = current_schema() and table_name = ${table}
      order by ordinal_position`.execute(db)
  ).rows;
}

function encodeValue(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'bytea') return Buffer.from(v as Uint8Array).toString('base64');
  if (v instanceof Date) return v.toISOString();
  if (type === 'jsonb' || type === 'json') return JSON.stringify(v);
  return v;
}

function decodeValue(v: unknown, type: string): unknown {
  if (v === null) return null;
  if (type === 'bytea') return Buffer.from(v as string, 'base64');
  return v;
}

/** Writes the whole database into one encrypted backup buffer. */
export async function backupDatabase(
  db: AnyDb,
  vault: Vault,
): Promise<{ content: Buffer; summary: BackupSummary }> {
  const tables: TableDump[] = [];
  let rows = 0;
  for (const name of await tablesInOrder(db)) {
    const columns = await columnsOf(db, name);
    const list = columns.map((c) => sql.ref(c.name));
    const result = await sql<
      Record<string, unknown>
    >`select ${sql.join(list)} from ${sql.table(name)}`.execute(db);
    const dump = result.rows.map((r) => columns.map((c) => encodeValue(r[c.name], c.type)));
    rows += dump.length;
    tables.push({ name, columns, rows: dump });
  }
  const body: BackupBody = {
    format: 'corridor-backup',
    version: 1,
    created: new Date().toISOString(),
    keyCheck: vault.keyCheck(),
    tables,
  };
  const content = Buffer.concat([
    magic,
    vault.sealBackup(gzipSync(Buffer.from(JSON.stringify(body)))),
  ]);
  return { content, summary: { tables: tables.length, rows, bytes: content.length } };
}

/** Reads and checks a backup made with the same master key. */
export function readBackup(content: Buffer, vault: Vault): BackupBody {
  if (!content.subarray(0, magic.length).equals(magic)) {
    throw errors.invalidInput('this file is not a Corridor backup');
  }
  let body: BackupBody;
  try {
    body = JSON.parse(
      gunzipSync(vault.openBackup(content.subarray(magic.length))).toString('utf8'),
    ) as BackupBody;
  } catch {
    throw errors.invalidInput(
      'the backup cannot be opened: it was made with another master key, or it was altered',
    );
  }
  if (body.format !== 'corridor-backup' || body.version !== 1)
    throw errors.invalidInput('unknown backup format version');
  return body;
}

/** Restores a backup into an empty, migrated database, in one transaction. */
export async function restoreDatabase(db: AnyDb, body: BackupBody): Promise<BackupSummary> {
  // Any row already there (a user added before the restore, its audit event, a session) would
  // clash with the backup's keys or fork its audit chain: refuse, naming what is there.
  const occupied: string[] = [];
  for (const table of await tablesInOrder(db)) {
    if (table === 'meta' || table === 'corridor_migrations') continue;
    const r = await sql<{
      any: boolean;
    }>`select exists (select 1 from ${sql.table(table)}) as any`.execute(db);
    if (r.rows[0]?.any) occupied.push(table);
  }
  if (occupied.length > 0)
    throw errors.conflict(
      `the target database is not empty (it holds rows in ${occupied.join(', ')}); restore into a new data folder or an empty database, then add users`,
    );
  let rows = 0;
  await transact(db, async (trx) => {
    for (const table of body.tables) {
      if (table.name === 'corridor_migrations') continue;
      const target = new Set((await columnsOf(trx, table.name)).map((c) => c.name));
      if (target.size === 0)
        throw errors.invalidInput(
          `the backup has table ${table.name}, which this version of Corridor does not know`,
        );
      const keep = table.columns.map((c, i) => ({ ...c, i })).filter((c) => target.has(c.name));
      if (table.name === 'meta') await trx.deleteFrom('meta').execute();
      for (let start = 0; start < table.rows.length; start += 500) {
        const chunk = table.rows.slice(start, start + 500);
        const values = chunk.map(
          (r) => sql`(${sql.join(keep.map((c) => sql`${decodeValue(r[c.i], c.type)}`))})`,
        );
        await sql`insert into ${sql.table(table.name)} (${sql.join(keep.map((c) => sql.ref(c.name)))}) values ${sql.join(values)}`.execute(
          trx,
        );
        rows += chunk.length;
      }
      for (const c of keep) {
        const seq = await sql<{
          s: string | null;
        }>`select pg_get_serial_sequence(${table.name}, ${c.name}) as s`.execute(trx);
        const name = seq.rows[0]?.s;
        if (name)
          await sql`select setval(${name}, coalesce((select max(${sql.ref(c.name)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(
            trx,
          );
      }
    }
  });
  return { tables: body.tables.length, rows, bytes: 0 };
}
