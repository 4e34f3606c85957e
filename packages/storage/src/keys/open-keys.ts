/**
 * Brings the keyring and the database into agreement when a store opens: finishes or rolls back a
 * rotation a crash interrupted, moves a database made before keyrings (its data keys wrapped by
 * the master key, "generation 0") onto generation 1, and finishes erasures still waiting.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { errors } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { readGeneration, rotateKeys, wrappedColumns } from './rotate-keys.js';

const markerName = 'keyring.json';
const idKey = 'keyring_id';

/**
 * Checks that the keyring folder belongs to this database (a folder shared by two databases
 * would let one destroy the other's keys), writing the marker on first use.
 */
function checkOwner(vault: Vault, id: string): void {
  const dir = vault.keyring.dir;
  const marker = join(dir, markerName);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(marker)) {
    writeFileSync(marker, JSON.stringify({ format: 'corridor-keyring', database: id }) + '\n', {
      mode: 0o600,
    });
    return;
  }
  const owner = (JSON.parse(readFileSync(marker, 'utf8')) as { database?: string }).database;
  if (owner !== id)
    throw errors.invalidInput(
      `the keyring folder ${dir} belongs to another database; give each database its own (CORRIDOR_KEY_DIR)`,
    );
}

async function keyringId(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('meta')
    .values({ key: idKey, value: randomBytes(12).toString('hex') })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', idKey)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** What opening the keyring did, for tests and messages. */
export interface KeysOpened {
  generation: number;
  /** The database was moved from master-key wrapping (generation 0) onto the keyring. */
  migrated: boolean;
  /** Erasures that became final while opening. */
  finalised: string[];
}

/** Reconciles keyring and database; see the module comment. */
export async function openKeys(db: Kysely<Database>, vault: Vault): Promise<KeysOpened> {
  checkOwner(vault, await keyringId(db));
  const recorded = await db.transaction().execute(async (trx) => {
    const generation = await readGeneration(trx, 'update');
    if (generation === undefined) return undefined;
    // Under the lock no rotation is running: a later file was never committed, an earlier one
    // was left by a crash between commit and destruction.
    for (const g of vault.keyring.generations()) if (g !== generation) vault.keyring.destroy(g);
    vault.keyring.removeLeftovers();
    if (generation > 0) vault.keyring.kek(generation);
    return generation;
  });
  let migrated = false;
  const finalised: string[] = [];
  if (recorded === undefined || recorded === 0) {
    const rotation = await rotateKeys(db, vault);
    finalised.push(...rotation.finalised);
    migrated = rotation.rewrapped > 0;
    // The generation-0 copies the rotation left as dead rows could be unwrapped with the master
    // key: rewrite the tables so that the data files no longer hold them (the WAL may, until recycled).
    if (migrated)
      for (const c of wrappedColumns)
        await sql`vacuum full ${sql.table(c.table)}`.execute(db).catch(() => undefined);
  } else {
    vault.useGeneration(recorded);
    const pending = await db
      .selectFrom('key_erasures')
      .select('person_id')
      .where('final_at', 'is', null)
      .executeTakeFirst();
    if (pending) finalised.push(...(await rotateKeys(db, vault)).finalised);
  }
  return { generation: vault.generation, migrated, finalised };
}
