/** Corrects one person by hand with optimistic concurrency: a stale edit is refused, never merged. */
import {
  assistanceNeedCodes,
  editablePersonFields,
  errors,
  maySee,
  type EditablePersonField,
  type PersonPii,
  type Role,
} from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import type { Vault } from '../vault/vault.js';
import { writeEditHistory } from './edit-history.js';
import { personKeys } from './person-keys.js';
import type { PersonEdit, PersonEdited } from './registry-store.js';
import { openPersonRecord, sealPersonRecord } from './person-record.js';

type Needs = NonNullable<PersonEdit['needs']>;
type Values = Omit<PersonEdit, 'version'>;

const sortNeeds = (needs: Needs): Needs => [...needs].sort((a, b) => a.code.localeCompare(b.code));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The values a role may see: what a 409 shows of the stored record. */
function visibleTo(role: Role, values: Values): Values {
  const out: Values = {};
  if (maySee(role, 'name')) {
    if (values.givenName !== undefined) out.givenName = values.givenName;
    if (values.familyName !== undefined) out.familyName = values.familyName;
  }
  if (maySee(role, 'sex') && values.sex !== undefined) out.sex = values.sex;
  if (maySee(role, 'birthDate') && values.birthDate !== undefined) out.birthDate = values.birthDate;
  if (values.needs !== undefined)
    out.needs = values.needs.filter((n) =>
      maySee(role, assistanceNeedCodes.includes(n.code) ? 'assistanceNeeds' : 'protectionNeeds'),
    );
  return out;
}

async function loadPerson(trx: Db, vault: Vault, id: string) {
  const row = await trx
    .selectFrom('persons')
    .select([
      'id',
      'household_id',
      'sex',
      'birth_year',
      'pii',
      'pii_key',
      'version',
      'erased_at',
      'merged_into',
    ])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw errors.notFound('person', id);
  if (row.merged_into)
    throw errors.conflict(`person ${id} was merged into ${row.merged_into}; edit that person`);
  const key = (await personKeys(trx, vault, [id])).get(id);
  if (row.erased_at || !key) throw errors.alreadyErased(id);
  const pii = openPersonRecord(vault, key, row);
  const needs = await trx
    .selectFrom('needs')
    .select(['code', 'severity'])
    .where('person_id', '=', id)
    .execute();
  const stored: Required<Values> = {
    givenName: pii.givenName,
    familyName: pii.familyName,
    sex: row.sex as 'F' | 'M' | 'X',
    birthDate: pii.birthDate,
    needs: sortNeeds(needs as Needs),
  };
  return { row, key, pii, stored };
}

/**
 * Applies `edit` inside the caller's transaction when the person is still at `edit.version`:
 * re-encrypts their data under their own key, bumps the version, writes the case history (field
 * names) and the `person.update` audit event. An edit that changes nothing writes nothing.
 */
export async function updatePersonIn(
  trx: Db,
  vault: Vault,
  id: string,
  edit: PersonEdit,
  reason: string,
  actor: Actor,
): Promise<PersonEdited> {
  const { row, key, pii, stored } = await loadPerson(trx, vault, id);
  const { version, ...submitted } = edit;
  if (submitted.needs) submitted.needs = sortNeeds(submitted.needs);
  if (version !== row.version)
    throw errors.staleVersion('person', id, version, row.version, {
      version: { stored: row.version, submitted: version },
      stored: visibleTo(actor.role as Role, stored),
      submitted,
    });
  const changed = editablePersonFields.filter(
    (f): f is EditablePersonField => submitted[f] !== undefined && !same(submitted[f], stored[f]),
  );
  const householdId = row.household_id;
  const at = new Date().toISOString();
  if (changed.length === 0)
    return { personId: id, householdId, version, changed, at, duplicatePairs: 0 };
  const next: PersonPii = {
    ...pii,
    givenName: submitted.givenName ?? pii.givenName,
    familyName: submitted.familyName ?? pii.familyName,
    birthDate: submitted.birthDate === undefined ? pii.birthDate : submitted.birthDate,
  };
  const birthYear = next.birthDate ? Number(next.birthDate.slice(0, 4)) : row.birth_year;
  // A record with a protection note gets a secret wrapped by the generation the transaction holds.
  const pin = await pinGeneration(trx, vault);
  await trx
    .updateTable('persons')
    .set({
      sex: submitted.sex ?? row.sex,
      birth_year: birthYear,
      ...sealPersonRecord(vault, pin, key, id, next),
      name_bidx: vault.blindIndex('name', `${next.givenName} ${next.familyName}`),
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  if (changed.includes('needs')) {
    await trx.deleteFrom('needs').where('person_id', '=', id).execute();
    if (submitted.needs!.length > 0)
      await trx
        .insertInto('needs')
        .values(
          submitted.needs!.map((n) => ({ person_id: id, code: n.code, severity: n.severity })),
        )
        .execute();
  }
  const change = `person ${id} corrected: ${changed.join(', ')}`;
  const when = await writeEditHistory(trx, vault, householdId, change, reason, actor);
  await appendAudit(trx, actor, {
    action: 'person.update',
    entity: 'person',
    entityId: id,
    detail: { household: householdId, fields: changed, version: version + 1 },
  });
  return { personId: id, householdId, version: version + 1, changed, at: when, duplicatePairs: 0 };
}
