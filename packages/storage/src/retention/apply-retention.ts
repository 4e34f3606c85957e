/**
 * The retention job's work, inside one transaction: per category, what is due as of a moment,
 * what a legal hold keeps, and (unless a dry run) the shredding. Reports ids and counts only.
 */
import {
  closedCaseStatuses,
  retentionCategoryInfo,
  retentionCutoff,
  type RetentionCategory,
  type RetentionRule,
} from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import type { RetentionCategoryReport, RetentionReport } from './retention-store.js';
import { openPersonRecord, sealPersonRecord } from '../registry/person-record.js';
import { erasedText } from '../registry/sealed-text.js';

/** What replaces a case-history reason shredded by retention. */
export const shreddedText = '(shredded by retention)';

/** What each shredding category leaves behind, said plainly (docs/retention.md). */
const remains: Record<RetentionCategory, string> = {
  documents:
    'rows deleted and the table vacuumed after the run; each document is sealed under its person’s key mixed with a secret of its own, wrapped by the key generation that the run’s key rotation destroys: from `finalBy` the copies left in the write-ahead log cannot be opened. Documents stored before secrets of their own and not yet upgraded by a key rotation (counted in notFinal) stay readable with the person’s living key until the log is recycled',
  checkin:
    'records deleted (their station numbers kept, so a merge of an old log does not bring them back) and the table vacuumed; each note is sealed under its person’s key mixed with a secret of the record’s own, wrapped by the key generation that the run’s key rotation destroys: from `finalBy` the notes’ copies left in the write-ahead log cannot be opened. Notes stored in clear and not yet sealed by a key rotation (counted in notFinal) stay readable in the log until its segments are recycled. Status, station, number, time, movement and person id stay in clear, as they do in the audit log (the `checkin.record` event, kept by design), until the log is recycled; station devices hold their own log',
  'case-notes':
    'sealed case-history text removed and protection notes taken out of the persons’ encrypted records, the tables vacuumed; each case-history text, and each record holding a protection note, is sealed with a secret of its own that the run’s key rotation destroys, so from `finalBy` their copies in the write-ahead log cannot be opened. Texts and records sealed before secrets of their own and not yet upgraded by a key rotation (counted in notFinal) stay readable with the persons’ living keys until the log is recycled',
  audit:
    'kept: audit events hold no personal values, and deleting them would break the hash chain that `corridor audit verify` checks; pruning the chain under an anchor is not built',
  backups:
    'reported: Corridor does not hold backup files; delete the listed backups where they are kept',
};

const chunk = <T>(items: readonly T[], size = 5000): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Cases whose arrival (or closure) was recorded at or before `cutoff`, as a subquery of ids. */
function anchoredCases(db: Db, after: 'arrival' | 'closure', cutoff: Date) {
  const statuses: string[] = after === 'arrival' ? ['arrived'] : [...closedCaseStatuses];
  return db
    .selectFrom('households as h')
    .innerJoin('case_history as ch', (j) =>
      j.onRef('ch.household_id', '=', 'h.id').onRef('ch.to_status', '=', 'h.status'),
    )
    .select('h.id')
    .where('h.status', 'in', statuses)
    .groupBy('h.id')
    .having((eb) => eb(eb.fn.max('ch.at'), '<=', cutoff));
}

/** The persons and cases under an active legal hold (a case's hold covers all its members). */
async function heldNow(db: Db): Promise<{ persons: Set<string>; cases: Set<string> }> {
  const holds = await db
    .selectFrom('legal_holds')
    .select(['subject', 'subject_id'])
    .where('released_at', 'is', null)
    .execute();
  const persons = new Set(holds.filter((h) => h.subject === 'person').map((h) => h.subject_id));
  const cases = new Set(holds.filter((h) => h.subject === 'case').map((h) => h.subject_id));
  for (const ids of chunk([...cases])) {
    const rows = await db
      .selectFrom('persons')
      .select('id')
      .where('household_id', 'in', ids)
      .execute();
    for (const r of rows) persons.add(r.id);
  }
  for (const ids of chunk([...persons])) {
    const rows = await db
      .selectFrom('persons')
      .select('household_id')
      .where('id', 'in', ids)
      .execute();
    for (const r of rows) cases.add(r.household_id);
  }
  return { persons, cases };
}

interface Due<T> {
  due: T[];
  held: T[];
}

function split<T>(rows: readonly T[], isHeld: (row: T) => boolean): Due<T> {
  const out: Due<T> = { due: [], held: [] };
  for (const r of rows) (isHeld(r) ? out.held : out.due).push(r);
  return out;
}

const unique = (ids: readonly string[]) => [...new Set(ids)].sort();

type Part = Omit<RetentionCategoryReport, 'category' | 'days' | 'after' | 'cutoff' | 'action'>;

/**
 * A category's part of the report from its due and held rows, each naming its person; `notFinal`
 * counts the shredded rows no key rotation makes unreadable on disk.
 */
function partOf<T extends { person_id: string }>(
  rows: Due<T>,
  dryRun: boolean,
  remainsOnDisk: string,
  notFinal: (row: T) => boolean,
): Part {
  return {
    due: rows.due.length,
    shredded: dryRun ? 0 : rows.due.length,
    persons: unique(rows.due.map((r) => r.person_id)),
    held: rows.held.length,
    heldPersons: unique(rows.held.map((r) => r.person_id)),
    items: [],
    notFinal: dryRun ? 0 : rows.due.filter(notFinal).length,
    remains: remainsOnDisk,
  };
}

async function documents(
  db: Db,
  rule: RetentionRule,
  cutoff: Date,
  dryRun: boolean,
  held: Set<string>,
): Promise<Part> {
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('persons as p', 'p.id', 'd.person_id')
    .select(['d.id', 'd.person_id', sql<boolean>`d.secret_key is null`.as('legacy')])
    .where(
      'p.household_id',
      'in',
      anchoredCases(db, rule.after === 'closure' ? 'closure' : 'arrival', cutoff),
    )
    .execute();
  const parts = split(rows, (r) => held.has(r.person_id));
  if (!dryRun)
    for (const ids of chunk(parts.due.map((r) => r.id)))
      await db.deleteFrom('documents').where('id', 'in', ids).execute();
  return partOf(parts, dryRun, remains.documents, (r) => r.legacy);
}

async function checkins(
  db: Db,
  rule: RetentionRule,
  cutoff: Date,
  dryRun: boolean,
  held: Set<string>,
  now: Date,
): Promise<Part> {
  let q = db
    .selectFrom('checkin_events as e')
    .innerJoin('movements as m', 'm.id', 'e.movement_id')
    .innerJoin('persons as p', 'p.id', 'e.person_id')
    .select([
      'e.station',
      'e.seq',
      'e.person_id',
      // A note stored in clear, before notes were sealed (0027): its old copies stay readable.
      sql<boolean>`e.note is not null and e.note <> ${erasedText}`.as('legacy'),
    ]);
  q =
    rule.after === 'arrival'
      ? q.where('p.household_id', 'in', anchoredCases(db, 'arrival', cutoff))
      : q.where(sql<Date>`coalesce(m.arrive_at, m.depart_at)`, '<=', cutoff);
  const rows = await q.execute();
  const parts = split(rows, (r) => held.has(r.person_id));
  if (!dryRun) {
    const byStation = new Map<string, number[]>();
    for (const r of parts.due)
      byStation.set(r.station, [...(byStation.get(r.station) ?? []), r.seq]);
    for (const [station, seqs] of byStation)
      for (const part of chunk(seqs, 1000)) {
        await db
          .insertInto('checkin_shredded')
          .values(part.map((seq) => ({ station, seq, shredded_at: now })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        await db
          .deleteFrom('checkin_events')
          .where('station', '=', station)
          .where('seq', 'in', part)
          .execute();
      }
  }
  return partOf(parts, dryRun, remains.checkin, (r) => r.legacy);
}

/**
 * The protection notes in the records of persons of cases closed before `cutoff`: the record is
 * re-encrypted without its note under the person's key alone; the note's versions were sealed with
 * a secret of their own, which the run's key rotation destroys. Returns the persons concerned.
 */
async function protectionNotes(
  db: Db,
  vault: Vault,
  cutoff: Date,
  dryRun: boolean,
  held: { cases: Set<string> },
): Promise<{ due: string[]; held: string[]; notFinal: number }> {
  const rows = await db
    .selectFrom('persons')
    .select(['id', 'household_id', 'pii', 'pii_key'])
    .where('erased_at', 'is', null)
    .where('household_id', 'in', anchoredCases(db, 'closure', cutoff))
    .execute();
  const keys = await personKeys(
    db,
    vault,
    rows.map((r) => r.id),
  );
  const out = { due: [] as string[], held: [] as string[], notFinal: 0 };
  const pin = dryRun ? undefined : await pinGeneration(db, vault);
  for (const r of rows) {
    const key = keys.get(r.id);
    if (!key) continue;
    const pii = openPersonRecord(vault, key, r);
    if (pii.protectionNote === undefined) continue;
    if (held.cases.has(r.household_id)) {
      out.held.push(r.id);
      continue;
    }
    out.due.push(r.id);
    if (dryRun) continue;
    // A record sealed under the person's key alone (before 0024) keeps its note readable in the WAL.
    if (r.pii_key === null) out.notFinal += 1;
    const { protectionNote: _shredded, ...rest } = pii;
    await db
      .updateTable('persons')
      .set((eb) => ({
        ...sealPersonRecord(vault, pin!, key, r.id, rest),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', r.id)
      .execute();
  }
  return out;
}

async function caseNotes(
  db: Db,
  vault: Vault,
  cutoff: Date,
  dryRun: boolean,
  held: { cases: Set<string> },
): Promise<Part> {
  const notes = await protectionNotes(db, vault, cutoff, dryRun, held);
  const rows = await db
    .selectFrom('case_history')
    .select(['id', 'household_id', 'reason_members', 'reason_key'])
    .where('reason_sealed', 'is not', null)
    .where('household_id', 'in', anchoredCases(db, 'closure', cutoff))
    .execute();
  const { due, held: kept } = split(rows, (r) => held.cases.has(r.household_id));
  if (!dryRun)
    for (const ids of chunk(due.map((r) => Number(r.id))))
      await db
        .updateTable('case_history')
        .set({ reason_sealed: null, reason_members: null, reason_key: null, reason: shreddedText })
        .where('id', 'in', ids)
        .execute();
  const members = (list: typeof rows) => list.flatMap((r) => r.reason_members ?? []);
  const dueCount = due.length + notes.due.length;
  return {
    due: dueCount,
    shredded: dryRun ? 0 : dueCount,
    persons: unique([...members(due), ...notes.due]),
    held: kept.length + notes.held.length,
    heldPersons: unique([...members(kept), ...notes.held]),
    items: [],
    notFinal: dryRun ? 0 : due.filter((r) => r.reason_key === null).length + notes.notFinal,
    remains: remains['case-notes'],
  };
}

async function auditEvents(db: Db, cutoff: Date): Promise<Part> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('at', '<=', cutoff)
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return {
    due: n,
    shredded: 0,
    persons: [],
    held: 0,
    heldPersons: [],
    items: [],
    notFinal: 0,
    remains: remains.audit,
  };
}

async function backups(db: Db, cutoff: Date): Promise<Part> {
  const rows = await db
    .selectFrom('backups')
    .select('id')
    .where('expires_at', '<=', cutoff)
    .orderBy('expires_at')
    .execute();
  return {
    due: rows.length,
    shredded: 0,
    persons: [],
    held: 0,
    heldPersons: [],
    items: rows.map((r) => r.id),
    notFinal: 0,
    remains: remains.backups,
  };
}

/** Applies `rules` as of `asOf` inside the caller's transaction; writes nothing when `dryRun`. */
export async function applyRetention(
  db: Db,
  vault: Vault,
  rules: readonly RetentionRule[],
  asOf: Date,
  dryRun: boolean,
  actor: Actor,
): Promise<RetentionReport> {
  const held = await heldNow(db);
  const categories: RetentionCategoryReport[] = [];
  for (const rule of rules) {
    const cutoff = retentionCutoff(asOf, rule.days);
    const part =
      rule.category === 'documents'
        ? await documents(db, rule, cutoff, dryRun, held.persons)
        : rule.category === 'checkin'
          ? await checkins(db, rule, cutoff, dryRun, held.persons, asOf)
          : rule.category === 'case-notes'
            ? await caseNotes(db, vault, cutoff, dryRun, held)
            : rule.category === 'audit'
              ? await auditEvents(db, cutoff)
              : await backups(db, cutoff);
    categories.push({
      category: rule.category,
      days: rule.days,
      after: rule.after,
      cutoff: cutoff.toISOString(),
      action: retentionCategoryInfo[rule.category].action,
      ...part,
    });
  }
  const activeHolds = await db
    .selectFrom('legal_holds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  return {
    id: null,
    ranAt: new Date().toISOString(),
    asOf: asOf.toISOString(),
    dryRun,
    actor: actor.name,
    activeHolds: Number(activeHolds.n),
    categories,
    // Set by the caller, which schedules the key rotation that makes the shredding final.
    final: true,
    finalBy: null,
  };
}

/** Removes the dead rows the shredding left in the tables' files (not in the write-ahead log). */
export async function reclaimShredded(db: Kysely<Database>): Promise<void> {
  if (db.isTransaction) return;
  await sql`vacuum documents, checkin_events, case_history, persons`.execute(db);
}
