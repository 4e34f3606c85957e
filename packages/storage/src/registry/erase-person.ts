/** Erases a person's personal data by destroying their key (crypto-shredding); counts and plans stay. */
import { errors } from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { ErasedPerson } from './registry-store.js';

/**
 * Deletes the person's data key inside the caller's transaction, so their encrypted name, birth
 * date, contact, notes and documents can never be decrypted again, and replaces their blind
 * indexes so a name or number can no longer be matched to them. The person row (sex, birth year,
 * household, needs) stays so that counts, plans and manifests keep adding up. The erasure is
 * recorded as waiting: it is final on disk when the key generation that wrapped the deleted key is
 * destroyed (the caller finishes or schedules that; `final` and `finalBy` are set by it).
 */
export async function erasePersonIn(
  trx: Db,
  id: string,
  actor: Actor,
  now = new Date(),
): Promise<ErasedPerson> {
  const person = await trx
    .selectFrom('persons')
    .select(['id', 'household_id', 'erased_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!person) throw errors.notFound('person', id);
  if (person.erased_at) throw errors.alreadyErased(id);
  await trx.deleteFrom('person_keys').where('person_id', '=', id).execute();
  // Final on disk once the generation that wrapped the key is destroyed (keys/erasure-batch.ts).
  await trx
    .insertInto('key_erasures')
    .values({ person_id: id, erased_at: now })
    .onConflict((oc) =>
      oc
        .column('person_id')
        .doUpdateSet({ erased_at: now, final_at: null, destroyed_generation: null }),
    )
    .execute();
  await trx
    .updateTable('persons')
    .set({ erased_at: now, name_bidx: `erased:${id}` })
    .where('id', '=', id)
    .execute();
  const docs = await trx
    .updateTable('documents')
    .set({ number_bidx: sql<string>`'erased:' || id` })
    .where('person_id', '=', id)
    .executeTakeFirst();
  const documents = Number(docs.numUpdatedRows);
  await appendAudit(trx, actor, {
    action: 'person.erase',
    entity: 'person',
    entityId: id,
    detail: { household: person.household_id, documents },
  });
  const backups = await trx
    .selectFrom('backups')
    .select(['id', 'created_at', 'expires_at', 'kek_generation'])
    .where('created_at', '<=', now)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
  return {
    personId: id,
    householdId: person.household_id,
    erasedAt: now.toISOString(),
    documents,
    final: false,
    finalBy: now.toISOString(),
    backupsHolding: backups.map((b) => ({
      id: b.id,
      createdAt: new Date(b.created_at).toISOString(),
      expiresAt: new Date(b.expires_at).toISOString(),
      generation: b.kek_generation,
    })),
  };
}
