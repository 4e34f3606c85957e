/** Adds one person to an existing case by hand, through the registry's one writer of persons. */
import { editablePersonFields, errors } from '@corridor/core';
import { sql } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { writeEditHistory } from './edit-history.js';
import { queueImportDuplicates } from './import-duplicates.js';
import type { NewPerson, PersonEdited } from './registry-store.js';
import { writePersons } from './registry-writer.js';

const personIdLockKey = 7_270_601;
const lastNumberKey = 'person-id-last-number';

/**
 * The next `P-NNNNN` id, taken under a lock so that two desks never get the same one, and never
 * reused after a removal (the last number handed out is kept in `meta`).
 */
async function nextPersonId(trx: Db): Promise<string> {
  await sql`select pg_advisory_xact_lock(${personIdLockKey})`.execute(trx);
  const stored = await sql<{
    n: number | null;
  }>`select max(substring(id from '^P-([0-9]{1,9})$')::int)
      as n from persons`.execute(trx);
  const handedOut = await trx
    .selectFrom('meta')
    .select('value')
    .where('key', '=', lastNumberKey)
    .executeTakeFirst();
  const next = Math.max(Number(stored.rows[0]?.n ?? 0), Number(handedOut?.value ?? 0)) + 1;
  await trx
    .insertInto('meta')
    .values({ key: lastNumberKey, value: String(next) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(next) }))
    .execute();
  return `P-${String(next).padStart(5, '0')}`;
}

/**
 * Writes the person under a new data key (as an import does), the case's history line and the
 * `person.add` audit event inside the caller's transaction, and queues likely duplicates of them
 * for review. The person is the case's head only when the case has none.
 */
export async function addPersonIn(
  trx: Db,
  vault: Vault,
  person: NewPerson,
  reason: string,
  actor: Actor,
): Promise<PersonEdited> {
  const { householdId } = person;
  const h = await trx
    .selectFrom('households')
    .select(['merged_into'])
    .where('id', '=', householdId)
    .forUpdate()
    .executeTakeFirst();
  if (!h) throw errors.notFound('case', householdId);
  if (h.merged_into)
    throw errors.conflict(
      `case ${householdId} was merged into ${h.merged_into}; add the person to that case instead`,
    );
  const head = await trx
    .selectFrom('persons')
    .select('id')
    .where('household_id', '=', householdId)
    .where('is_head', '=', true)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
  const id = await nextPersonId(trx);
  await writePersons(
    trx,
    vault,
    [
      {
        id,
        householdId,
        isHead: !head,
        sex: person.sex,
        birthYear: person.birthYear,
        pii: person.pii,
      },
    ],
    person.needs.map((n) => ({ ...n, personId: id })),
    [],
  );
  const at = await writeEditHistory(trx, vault, householdId, `person ${id} added`, reason, actor);
  const subject = `${person.pii.givenName} ${person.pii.familyName}`;
  const duplicatePairs = await queueImportDuplicates(
    trx,
    vault,
    [{ id, householdId, fullName: subject, birthYear: person.birthYear }],
    [],
    true,
  );
  const changed = editablePersonFields.filter((f) =>
    f === 'needs' ? person.needs.length > 0 : f === 'birthDate' ? person.pii.birthDate : true,
  );
  await appendAudit(trx, actor, {
    action: 'person.add',
    entity: 'person',
    entityId: id,
    detail: { household: householdId, fields: changed, duplicatePairs },
  });
  return { personId: id, householdId, version: 1, changed, at, duplicatePairs };
}
