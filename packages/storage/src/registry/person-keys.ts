/** Loads and unwraps persons' data keys; an erased person has no key and so no readable data. */
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';

/** The unwrapped keys of the given persons (erased persons are absent). */
export async function personKeys(
  db: Db,
  vault: Vault,
  personIds: readonly string[],
): Promise<Map<string, Buffer>> {
  const keys = new Map<string, Buffer>();
  for (let i = 0; i < personIds.length; i += 5000) {
    const rows = await db
      .selectFrom('person_keys')
      .select(['person_id', 'wrapped'])
      .where('person_id', 'in', personIds.slice(i, i + 5000))
      .execute();
    for (const r of rows) keys.set(r.person_id, vault.unwrapPersonKey(r.person_id, r.wrapped));
  }
  return keys;
}
