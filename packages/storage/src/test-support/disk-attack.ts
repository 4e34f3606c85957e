/**
 * The attacker of the on-disk tests (issue 20), written from the file formats and not with the
 * product's Vault: what is left on disk (raw data files, WAL, key files), the key-encryption keys
 * that open from the key files, and every wrapped data key found in the raw bytes.
 */
import { createDecipheriv, hkdfSync } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Store } from '../store.js';
import { tempDir } from './temp-dir.js';

/** Every file under `dir`, with its bytes. */
export function filesUnder(dir: string): { name: string; bytes: Buffer }[] {
  const out: { name: string; bytes: Buffer }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (statSync(path).isFile()) out.push({ name: path, bytes: readFileSync(path) });
  }
  return out;
}

/** Opens an AES-256-GCM value laid out as nonce (12) | tag (16) | ciphertext; undefined if it fails. */
export function gcmOpen(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer | undefined {
  try {
    const d = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
  } catch {
    return undefined;
  }
}

/** HKDF-SHA256 with an empty salt and the label `corridor/<label>`, 32 bytes. */
export const hkdf = (ikm: Buffer, label: string) =>
  Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), `corridor/${label}`, 32));

/** Every key-encryption key the attacker can open: each kek-*.key file, and generation 0. */
export function keksOnDisk(master: Buffer, keyFiles: { bytes: Buffer }[]): Uint8Array[] {
  const keks: Uint8Array[] = [hkdf(master, 'key-encryption')];
  for (const f of keyFiles) {
    try {
      const body = JSON.parse(f.bytes.toString('utf8')) as { generation: number; sealed: string };
      const kek = gcmOpen(
        hkdf(master, 'keyring'),
        Buffer.from(body.sealed, 'base64'),
        `kek:${body.generation}`,
      );
      if (kek) keks.push(kek);
    } catch {
      // not a key file
    }
  }
  return keks;
}

/**
 * Every wrapped key (marked "CK", 1, generation) of record `kind`/`id` anywhere in the raw bytes,
 * unwrapped where a KEK opens it (a person's data key is kind `person`).
 */
export function unwrapAll(raw: Buffer[], keks: Uint8Array[], kind: string, id: string): Buffer[] {
  const marker = Buffer.from([0x43, 0x4b, 0x01]);
  const keys: Buffer[] = [];
  const seen = new Set<string>();
  for (const bytes of raw) {
    for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
      if (at + 67 > bytes.length) break;
      const generation = bytes.readUInt32BE(at + 3);
      const sealed = bytes.subarray(at + 7, at + 67);
      for (const kek of keks) {
        const key = gcmOpen(kek, sealed, `${kind}-key:${id}:g${generation}`);
        if (key && !seen.has(key.toString('hex'))) {
          seen.add(key.toString('hex'));
          keys.push(key);
        }
      }
    }
  }
  return keys;
}

/** Whether `needle` is anywhere in the raw bytes. */
export const onDisk = (raw: Buffer[], needle: Buffer) => raw.some((b) => b.includes(needle));

/**
 * Copies what an attacker would take of the database: PGlite's whole pgdata folder (close the
 * store first, so every page and its WAL are on disk); on PostgreSQL, after a CHECKPOINT, every
 * relation file of the database and every WAL segment written since `since`, read with
 * pg_read_binary_file as the superuser (server logs and other clusters' files are not read).
 */
export async function rawDatabase(
  store: Store,
  backendName: string,
  dataDir: string,
  since: Date,
): Promise<{ raw: Buffer[]; cleanup: () => void }> {
  if (backendName === 'pglite') {
    const { dir, cleanup } = tempDir('corridor-attack-');
    cpSync(join(dataDir, 'pgdata'), join(dir, 'pgdata'), { recursive: true });
    return { raw: filesUnder(join(dir, 'pgdata')).map((f) => f.bytes), cleanup };
  }
  await sql`checkpoint`.execute(store.db);
  const relations = await sql<{ path: string }>`select pg_relation_filepath(c.oid) as path
    from pg_class c where c.relkind in ('r', 't', 'i') and pg_relation_filepath(c.oid) is not null`.execute(
    store.db,
  );
  const raw: Buffer[] = [];
  for (const r of relations.rows) {
    const read = await sql<{
      b: Uint8Array | null;
    }>`select pg_read_binary_file(${r.path}) as b
      where (pg_stat_file(${r.path}, true)).size is not null`.execute(store.db);
    if (read.rows[0]?.b) raw.push(Buffer.from(read.rows[0].b));
  }
  // A segment listed here may be recycled by the time it is read (other tests write to the same
  // cluster): read with missing_ok, a file gone is skipped, as it is gone for an attacker too.
  const wal = await sql<{ name: string }>`select name from pg_ls_waldir()
    where modification >= ${since} and name ~ '^[0-9A-F]{24}$'`.execute(store.db);
  for (const w of wal.rows) {
    const read = await sql<{
      b: Uint8Array | null;
    }>`select pg_read_binary_file(f.path, 0, f.size, true) as b
      from (select ${'pg_wal/' + w.name}::text as path,
        (pg_stat_file(${'pg_wal/' + w.name}, true)).size) f where f.size is not null`.execute(
      store.db,
    );
    if (read.rows[0]?.b) raw.push(Buffer.from(read.rows[0].b));
  }
  return { raw, cleanup: () => undefined };
}
