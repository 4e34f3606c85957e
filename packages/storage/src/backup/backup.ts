/**
 * Backup and restore of a whole database, the same for PGlite and PostgreSQL: a logical dump of
 * every table, gzip-compressed and encrypted under a fresh key per backup, itself sealed under the
 * master key in the file's header. The data keys inside are re-wrapped under that backup key, not
 * the keyring's generation, so the backup outlives the generation it was taken under (and holds
 * the persons erased after it until it expires: the backups table says which, by generation).
 */
import { createHash, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { errors, isCorridorError } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { openSealed, sealWith } from '../vault/seal.js';
import { transact } from '../db/transact.js';
import { pinGeneration, wrappedColumns } from '../keys/rotate-keys.js';

const magic = Buffer.from('CORRIDOR-BACKUP-1\n');
const magic2 = Buffer.from('CORRIDOR-BACKUP-2\n');

/** The clear header of a backup of format 2: which key generation, and its own key sealed. */
interface BackupHeader {
  id: string;
  generation: number;
  created: string;
  key: string;
}

/** A wrapped column of a table: whose key it is, so it can be re-wrapped. */
function wrappedColumn(table: string, column: string) {
  return wrappedColumns.find((c) => c.table === table && c.column === column);
}
const skipped = new Set(['corridor_migrations_lock']);

interface TableDump {
  name: string;
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

interface BackupBody {
  format: 'corridor-backup';
  version: 1 | 2;
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

/** Writes the whole database into one encrypted backup buffer, and records it in `backups`. */
export async function backupDatabase(
  db: AnyDb,
  vault: Vault,
  retentionDays = 30,
): Promise<{ content: Buffer; summary: BackupSummary }> {
  const id = randomUUID();
  const backupKey = vault.newBackupKey(id);
  const tables: TableDump[] = [];
  let rows = 0;
  // One transaction holding the generation: no rotation can destroy a key between read and re-wrap.
  await transact(db, async (trx) => {
    await pinGeneration(trx, vault);
    for (const name of await tablesInOrder(trx)) {
      const columns = await columnsOf(trx, name);
      const list = columns.map((c) => sql.ref(c.name));
      const result = await sql<
        Record<string, unknown>
      >`select ${sql.join(list)} from ${sql.table(name)}`.execute(trx);
      const keyed = columns.map((c) => wrappedColumn(name, c.name));
      const dump = result.rows.map((r) =>
        columns.map((c, i) => {
          const w = keyed[i];
          const v = r[c.name];
          if (!w || v === null || v === undefined) return encodeValue(v, c.type);
          const owner = String(r[w.id]);
          const key = vault.unwrapRecordKey(w.kind, owner, v as Uint8Array);
          return sealWith(backupKey.key, key, `backup-${w.kind}-key:${owner}`).toString('base64');
        }),
      );
      rows += dump.length;
      tables.push({ name, columns, rows: dump });
    }
  });
  const generation = vault.generation;
  const body: BackupBody = {
    format: 'corridor-backup',
    version: 2,
    created: new Date().toISOString(),
    keyCheck: vault.keyCheck(),
    tables,
  };
  const header: BackupHeader = {
    id,
    generation,
    created: body.created,
    key: backupKey.sealed.toString('base64'),
  };
  const content = Buffer.concat([
    magic2,
    Buffer.from(JSON.stringify(header) + '\n'),
    sealWith(backupKey.key, gzipSync(Buffer.from(JSON.stringify(body))), `corridor-backup:${id}`),
  ]);
  const created = new Date(body.created);
  await db
    .insertInto('backups')
    .values({
      id,
      created_at: created,
      kek_generation: generation,
      bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      expires_at: new Date(created.getTime() + retentionDays * 86_400_000),
    })
    .execute();
  return { content, summary: { tables: tables.length, rows, bytes: content.length } };
}

/** A backup read back: its tables, and how to open the data keys it carries. */
export interface OpenedBackup {
  body: BackupBody;
  /** The data key of a wrapped column's value. */
  dataKey(kind: string, owner: string, value: Buffer): Buffer;
}

const cannotOpen =
  'the backup cannot be opened: it was made with another master key, or it was altered';

function parseBody(json: Buffer): BackupBody {
  const body = JSON.parse(json.toString('utf8')) as BackupBody;
  if (body.format !== 'corridor-backup' || (body.version !== 1 && body.version !== 2))
    throw errors.invalidInput('unknown backup format version');
  return body;
}

/** Reads and checks a backup made with the same master key (format 2, or 1 from before keyrings). */
export function readBackup(content: Buffer, vault: Vault): OpenedBackup {
  if (content.subarray(0, magic2.length).equals(magic2)) {
    const end = content.indexOf(0x0a, magic2.length);
    let header: BackupHeader;
    let key: Buffer;
    let json: Buffer;
    try {
      header = JSON.parse(content.subarray(magic2.length, end).toString('utf8')) as BackupHeader;
      key = vault.openBackupKey(header.id, Buffer.from(header.key, 'base64'));
      json = gunzipSync(openSealed(key, content.subarray(end + 1), `corridor-backup:${header.id}`));
    } catch {
      throw errors.invalidInput(cannotOpen);
    }
    return {
      body: parseBody(json),
      dataKey: (kind, owner, value) => openSealed(key, value, `backup-${kind}-key:${owner}`),
    };
  }
  const legacy = readLegacyBackup(content, vault);
  return {
    body: legacy,
    dataKey: (kind, owner, value) => vault.unwrapRecordKey(kind, owner, value),
  };
}

/** Reads a backup of format 1: sealed under the master key, data keys wrapped by it. */
function readLegacyBackup(content: Buffer, vault: Vault): BackupBody {
  if (!content.subarray(0, magic.length).equals(magic)) {
    throw errors.invalidInput('this file is not a Corridor backup');
  }
  let body: BackupBody;
  try {
    body = parseBody(gunzipSync(vault.openBackup(content.subarray(magic.length))));
  } catch (error) {
    if (isCorridorError(error)) throw error;
    throw errors.invalidInput(cannotOpen);
  }
  return body;
}

/**
 * Restores a backup into an empty, migrated database, in one transaction; the data keys it
 * carries are wrapped again under this database's current key generation.
 */
export async function restoreDatabase(
  db: AnyDb,
  vault: Vault,
  opened: OpenedBackup,
): Promise<BackupSummary> {
  const body = opened.body;
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
    await pinGeneration(trx, vault);
    for (const table of body.tables) {
      if (table.name === 'corridor_migrations') continue;
      const idAt = (name: string) => table.columns.findIndex((c) => c.name === name);
      const target = new Set((await columnsOf(trx, table.name)).map((c) => c.name));
      if (target.size === 0)
        throw errors.invalidInput(
          `the backup has table ${table.name}, which this version of Corridor does not know`,
        );
      const keep = table.columns.map((c, i) => ({ ...c, i })).filter((c) => target.has(c.name));
      // This database's own keyring identity and key generation stay: the restored data keys are
      // wrapped under them, and the keyring folder names this database, not the backup's.
      const ownMeta = ['keyring_id', 'kek_generation'];
      const keyAt = idAt('key');
      const rowsOf =
        table.name === 'meta'
          ? table.rows.filter((r) => !ownMeta.includes(String(r[keyAt])))
          : table.rows;
      if (table.name === 'meta')
        await trx.deleteFrom('meta').where('key', 'not in', ownMeta).execute();
      for (let start = 0; start < rowsOf.length; start += 500) {
        const chunk = rowsOf.slice(start, start + 500);
        const values = chunk.map(
          (r) =>
            sql`(${sql.join(
              keep.map((c) => {
                const value = decodeValue(r[c.i], c.type);
                const w = wrappedColumn(table.name, c.name);
                if (!w || value === null) return sql`${value}`;
                const owner = String(r[idAt(w.id)]);
                const key = opened.dataKey(w.kind, owner, value as Buffer);
                return sql`${vault.wrapRecordKey(w.kind, owner, key)}`;
              }),
            )})`,
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
