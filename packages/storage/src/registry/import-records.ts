/**
 * Imports a registry file: validates the whole file against the database first, then writes all
 * of it in the caller's transaction, or nothing. Callable from the CLI and the server alike.
 */
import {
  errors,
  importReportOf,
  planImport,
  type FullImportPlan,
  type ImportReport,
  type NeedCode,
  type PersonPii,
  type PlannedPerson,
  type RegistryFileData,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Vault } from '../vault/vault.js';
import { loadImportContext } from './import-context.js';
import type { ImportOptions } from './import-options.js';
import { writeImport, type PersonToWrite } from './import-write.js';
import { personKeys } from './person-keys.js';
import { itemKey } from '../keys/item-secret.js';
import { openPersonRecord } from './person-record.js';

/** Roles that may import into the registry. */
export const importRoles: readonly string[] = ['admin', 'registrar'];

interface StoredPerson {
  householdId: string;
  isHead: boolean;
  sex: string;
  birthYear: number | null;
  pii: PersonPii | null;
  needs: string[];
  documents: string[];
}

const docKey = (d: {
  id: string;
  type: string;
  issuer: string;
  expiry: string | null;
  number: string | null;
  mrz: readonly [string, string] | null;
}) => JSON.stringify([d.id, d.type, d.issuer, d.expiry, d.number, d.mrz]);

async function storedPersons(
  db: Db,
  vault: Vault,
  ids: string[],
): Promise<Map<string, StoredPerson>> {
  const out = new Map<string, StoredPerson>();
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const [rows, needs, docs, keys] = await Promise.all([
      db.selectFrom('persons').selectAll().where('id', 'in', part).execute(),
      db.selectFrom('needs').selectAll().where('person_id', 'in', part).execute(),
      db.selectFrom('documents').selectAll().where('person_id', 'in', part).execute(),
      personKeys(db, vault, part),
    ]);
    for (const r of rows) {
      const key = keys.get(r.id);
      out.set(r.id, {
        householdId: r.household_id,
        isHead: r.is_head,
        sex: r.sex,
        birthYear: r.birth_year,
        pii: key ? openPersonRecord(vault, key, r) : null,
        needs: needs
          .filter((n) => n.person_id === r.id)
          .map((n) => `${n.code}:${n.severity}`)
          .sort(),
        documents: docs
          .filter((d) => d.person_id === r.id)
          .map((d) => {
            const s = key
              ? vault.decrypt<{ number: string; mrz: [string, string] | null }>(
                  itemKey(vault, key, 'document', d.id, d.secret_key),
                  `document:${d.id}`,
                  d.secret,
                )
              : null;
            return docKey({ ...d, number: s?.number ?? null, mrz: s?.mrz ?? null });
          }),
      });
    }
  }
  return out;
}

function samePerson(p: PlannedPerson, s: StoredPerson): boolean {
  const pii = (x: PersonPii | null) =>
    x &&
    JSON.stringify([x.givenName, x.familyName, x.birthDate, x.phone ?? '', x.protectionNote ?? '']);
  return (
    s.householdId === p.person.householdId &&
    s.isHead === p.person.isHead &&
    s.sex === p.person.sex &&
    s.birthYear === p.person.birthYear &&
    pii(s.pii) === pii(p.person.pii) &&
    JSON.stringify(s.needs) ===
      JSON.stringify(p.needs.map((n) => `${n.code as NeedCode}:${n.severity}`).sort()) &&
    JSON.stringify(s.documents) === JSON.stringify(p.document ? [docKey(p.document)] : [])
  );
}

/** Splits the file's persons into new ones, ones already stored as they are, and id clashes. */
async function partition(
  db: Db,
  vault: Vault,
  plan: FullImportPlan,
  known: ReadonlyMap<string, string>,
) {
  if (known.size === 0)
    return {
      toWrite: plan.persons.map((p) => ({ ...p, replaces: null })),
      sameId: [],
      unchanged: 0,
    };
  const clashing = plan.persons.filter((p) => known.has(p.person.id));
  const stored = await storedPersons(
    db,
    vault,
    clashing.map((p) => p.person.id),
  );
  const taken = new Set([...known.keys(), ...plan.persons.map((p) => p.person.id)]);
  const fresh = (id: string, used: Set<string>) => {
    let k = 1;
    while (used.has(`${id}-dup${k}`)) k++;
    used.add(`${id}-dup${k}`);
    return `${id}-dup${k}`;
  };
  const usedDocs = new Set<string>(
    plan.persons.flatMap((p) => (p.document ? [p.document.id] : [])),
  );
  const toWrite: PersonToWrite[] = [];
  const sameId: [string, string][] = [];
  let unchanged = 0;
  for (const p of plan.persons) {
    const s = stored.get(p.person.id);
    if (!known.has(p.person.id)) {
      toWrite.push({ ...p, replaces: null });
    } else if (s && samePerson(p, s)) {
      unchanged++;
    } else {
      const id = fresh(p.person.id, taken);
      sameId.push([p.person.id, id]);
      toWrite.push({
        row: p.row,
        replaces: p.person.id,
        person: { ...p.person, id },
        needs: p.needs.map((n) => ({ ...n, personId: id })),
        document: p.document
          ? { ...p.document, id: fresh(p.document.id, usedDocs), personId: id }
          : null,
      });
    }
  }
  return { toWrite, sameId, unchanged };
}

/** Validates and (unless refused or a dry run) writes a registry file inside `trx`. */
export async function importRecordsIn(
  trx: Db,
  vault: Vault,
  data: RegistryFileData,
  options: ImportOptions,
  actor: Actor,
): Promise<ImportReport> {
  if (!importRoles.includes(actor.role))
    throw errors.forbidden(
      `role ${actor.role} may not import; allowed roles: ${importRoles.join(', ')}`,
    );
  const context = await loadImportContext(trx);
  const plan = await planImport(data, context);
  const { toWrite, sameId, unchanged } =
    plan.problems.length === 0
      ? await partition(trx, vault, plan, context.persons)
      : { toWrite: [], sameId: [], unchanged: 0 };
  for (const [original, renamed] of sameId) {
    const row = toWrite.find((p) => p.person.id === renamed)?.row ?? null;
    plan.warnings.push({
      row,
      column: null,
      message: `person ${original} is already in the database with other data; this row is kept as ${renamed} and queued for duplicate review`,
    });
  }
  const previous = await trx
    .selectFrom('imports')
    .select(['at'])
    .where('sha256', '=', options.fileHash)
    .orderBy('at')
    .executeTakeFirst();
  if (previous)
    plan.warnings.push({
      row: null,
      column: null,
      message: `this file was imported before, on ${new Date(previous.at).toISOString()}`,
    });
  const op = await trx.selectFrom('operations').select(['id', 'name']).executeTakeFirst();
  const report = importReportOf(
    plan,
    { name: options.fileName, sha256: options.fileHash, format: options.format },
    Boolean(options.dryRun),
    { toWrite, unchanged, sameId: sameId.length },
    op ? { id: op.id, name: op.name, created: false } : null,
  );
  if (!report.ok || report.dryRun) return report;
  const written = await writeImport(trx, vault, {
    plan,
    persons: toWrite,
    sameId,
    hadPersons: context.persons.size > 0,
    options,
    actor,
    counts: report,
  });
  return { ...report, ...written, written: true };
}
