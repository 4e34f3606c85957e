import {
  generateDemo,
  generateDemoMovements,
  roles,
  rolesAllowed,
  type Role,
} from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CommandSpec } from '../define.js';
import { showCase } from '../case/show.js';
import { exportCheckinLog } from '../checkin/export-log.js';
import { mergeCheckinLog } from '../checkin/merge.js';
import { execute } from '../execute.js';
import { erasePerson } from '../person/erase.js';
import { exportRegistryFile } from '../registry/export.js';
import { listLegalHolds } from './hold-list.js';
import { placeLegalHold } from './hold-place.js';
import { releaseLegalHold } from './hold-release.js';
import { retentionReports } from './reports.js';
import { runRetention } from './run.js';
import { setRetention } from './set.js';
import { showRetention } from './show.js';

const demo = generateDemo({ people: 60, seed: 12 });
const seeder = { name: 'test-seed', role: 'admin' };
/** The fixed moment every run is applied at; dates are set relative to it. */
const NOW = new Date('2031-03-01T12:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });

/** Cases with a document, three of them, with one documented person each. */
function documentedCases(): { caseId: string; personId: string; number: string }[] {
  const out: { caseId: string; personId: string; number: string }[] = [];
  const seen = new Set<string>();
  for (const d of demo.documents) {
    const person = demo.persons.find((p) => p.id === d.personId)!;
    if (seen.has(person.householdId)) continue;
    seen.add(person.householdId);
    out.push({ caseId: person.householdId, personId: person.id, number: d.number });
  }
  return out;
}

/** The persons of a case who hold a document, sorted. */
const documented = (caseId: string) =>
  [
    ...new Set(
      demo.documents
        .map((d) => demo.persons.find((p) => p.id === d.personId)!)
        .filter((p) => p.householdId === caseId)
        .map((p) => p.id),
    ),
  ].sort();

describe.each(backends)('retention on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
  });
  afterEach(async () => close());

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ): Promise<z.output<O>> => execute(command, { actor: as(role), store, now: NOW }, input);
  const auditCount = async () => (await store.audit.events(0, 1_000_000)).length;

  /** Records that case `id` reached `status` at `at` (its arrival or closure). */
  async function closeCase(id: string, status: 'arrived' | 'withdrawn', at: Date) {
    await store.db.updateTable('households').set({ status }).where('id', '=', id).execute();
    await store.db
      .insertInto('case_history')
      .values({
        household_id: id,
        from_status: 'departed',
        to_status: status,
        actor: 'test',
        role: 'admin',
        reason: status,
        reason_sealed: null,
        reason_members: null,
        change: null,
        at,
      })
      .execute();
  }

  const documentsOf = (personId: string) =>
    store.db.selectFrom('documents').select('id').where('person_id', '=', personId).execute();

  it('shreds the documents that are due, keeps the others and the held ones, and reports ids only', async () => {
    const [due, recent, held] = documentedCases();
    await closeCase(due!.caseId, 'arrived', daysBefore(100));
    await closeCase(recent!.caseId, 'arrived', daysBefore(10));
    await closeCase(held!.caseId, 'arrived', daysBefore(200));
    await run(placeLegalHold, 'protection-officer', {
      person: held!.personId,
      reason: 'court order 17/2031 (Nadia K. testimony)',
    });

    // A dry run says what would go and writes nothing.
    const before = await auditCount();
    const dry = await run(runRetention, 'admin', { dryRun: true });
    expect(dry.id).toBeNull();
    const dryDocs = dry.categories.find((c) => c.category === 'documents')!;
    expect(dryDocs).toMatchObject({ shredded: 0, held: 1, heldPersons: [held!.personId] });
    const shreddable = [
      ...documented(due!.caseId),
      ...documented(held!.caseId).filter((p) => p !== held!.personId),
    ].sort();
    expect(dryDocs.persons).toEqual(shreddable);
    expect(await auditCount()).toBe(before);
    expect(await documentsOf(due!.personId)).not.toEqual([]);
    expect((await run(retentionReports, 'auditor', {})).reports).toEqual([]);

    const report = await run(runRetention, 'protection-officer', {});
    const docs = report.categories.find((c) => c.category === 'documents')!;
    expect(docs).toMatchObject({ days: 90, after: 'arrival', due: dryDocs.due, held: 1 });
    expect(docs.shredded).toBe(docs.due);
    expect(docs.persons).toEqual(shreddable);
    expect(await documentsOf(due!.personId)).toEqual([]);
    expect(await documentsOf(recent!.personId)).not.toEqual([]);
    expect(await documentsOf(held!.personId)).not.toEqual([]);
    const last = (await store.audit.events(0, 1_000_000)).at(-1)!;
    expect(last).toMatchObject({ action: 'retention.run', entityId: report.id });
    // Neither the report nor the audit event holds a document number or a hold's reason.
    const kept = JSON.stringify([report, last, await run(retentionReports, 'auditor', {})]);
    for (const c of [due!, recent!, held!]) expect(kept).not.toContain(c.number);
    expect(kept).not.toMatch(/Nadia|court order/);
    expect((await run(retentionReports, 'auditor', {})).reports[0]).toEqual(report);

    // Attack: the shredded number is read back through no interface (case view, export, search).
    for (const role of ['admin', 'registrar', 'movement-officer'] as const) {
      const view = JSON.stringify(await run(showCase, role, { id: due!.caseId }));
      expect(view).not.toContain(due!.number);
    }
    const exported = await run(exportRegistryFile, 'admin', { what: 'persons', format: 'csv' });
    expect(exported.content.toString('utf8')).not.toContain(due!.number);
    expect(exported.content.toString('utf8')).toContain(held!.number);
    const found = await store.db
      .selectFrom('documents')
      .select('id')
      .where('person_id', '=', due!.personId)
      .execute();
    expect(found).toEqual([]);

    // A second run finds nothing more to do for the documents.
    const again = await run(runRetention, 'admin', {});
    expect(again.categories.find((c) => c.category === 'documents')).toMatchObject({
      due: 0,
      held: 1,
    });
    // Nothing shredded needed a rotation: final, no moment to wait for.
    expect(again).toMatchObject({ final: true, finalBy: null });

    // A report kept before shredding could be final (migration 0024) is read as not final.
    const { final: _f, finalBy: _b, ...old } = report;
    await store.db
      .insertInto('retention_reports')
      .values({
        id: 'RR-old',
        ran_at: '2020-01-01T00:00:00.000Z',
        as_of: new Date('2020-01-01T00:00:00Z'),
        actor: 'test',
        report: JSON.stringify({
          ...old,
          id: 'RR-old',
          ranAt: '2020-01-01T00:00:00.000Z',
          categories: old.categories.map(({ notFinal: _n, ...c }) => c),
        }),
      })
      .execute();
    const listed = (await run(retentionReports, 'auditor', { limit: 50 })).reports;
    const legacy = listed.find((r) => r.id === 'RR-old')!;
    expect(legacy).toMatchObject({ final: false, finalBy: null });
    expect(legacy.categories.find((c) => c.category === 'documents')!.notFinal).toBe(docs.shredded);
    expect(listed.find((r) => r.id === report.id)).toMatchObject({ final: true });
  });

  it('honours the schedule an administrator sets, and a released hold', async () => {
    const [a, , held] = documentedCases();
    await closeCase(a!.caseId, 'arrived', daysBefore(40));
    await closeCase(held!.caseId, 'arrived', daysBefore(40));
    await run(placeLegalHold, 'admin', { case: held!.caseId, reason: 'pending appeal' });
    expect(
      (await run(runRetention, 'admin', { dryRun: true })).categories.find(
        (c) => c.category === 'documents',
      )?.due,
    ).toBe(0);
    await run(setRetention, 'admin', { category: 'documents', days: 30 });
    const shown = await run(showRetention, 'auditor', {});
    expect(shown.schedules.find((s) => s.category === 'documents')).toMatchObject({
      days: 30,
      after: 'arrival',
      isDefault: false,
      updatedBy: 't-admin',
    });
    const first = await run(runRetention, 'admin', {});
    expect(first.categories.find((c) => c.category === 'documents')).toMatchObject({
      persons: documented(a!.caseId),
      heldPersons: documented(held!.caseId),
    });
    await run(releaseLegalHold, 'admin', { case: held!.caseId });
    const second = await run(runRetention, 'admin', {});
    expect(second.categories.find((c) => c.category === 'documents')?.persons).toEqual(
      documented(held!.caseId),
    );
    expect(await documentsOf(held!.personId)).toEqual([]);
  });

  it('shreds check-in records after the movement and sealed case notes after closure', async () => {
    const movements = generateDemoMovements(demo.destinations, demo.pledges).slice(0, 2);
    await store.movements.add(movements, seeder);
    const [old, recent] = movements;
    const [p1, p2, p3] = demo.persons.filter((p) => p.isHead);
    const record = (movementId: string, personId: string) =>
      store.checkin.append(
        { movementId, personId, status: 'checked-in', note: 'slow walker', supersedes: null },
        seeder,
      );
    await record(old!.id, p1!.id);
    await record(old!.id, p2!.id);
    await record(recent!.id, p3!.id);
    await store.db
      .updateTable('movements')
      .set({ depart_at: daysBefore(400), arrive_at: daysBefore(400) })
      .where('id', '=', old!.id)
      .execute();
    await store.db
      .updateTable('movements')
      .set({ depart_at: daysBefore(100), arrive_at: daysBefore(100) })
      .where('id', '=', recent!.id)
      .execute();
    await run(placeLegalHold, 'admin', { person: p2!.id, reason: 'inquiry into boarding' });

    // A case closed long ago with a typed reason, and one closed recently.
    const [closed, open] = [p1!.householdId, p3!.householdId];
    for (const id of [closed, open])
      await store.registry.transitionCase(
        id,
        'withdrawn',
        'left for Erbil with her uncle',
        seeder,
        () => undefined as never,
      );
    for (const [id, days] of [
      [closed, 500],
      [open, 10],
    ] as const)
      await store.db
        .updateTable('case_history')
        .set({ at: daysBefore(days) })
        .where('household_id', '=', id)
        .where('to_status', '=', 'withdrawn')
        .execute();

    // A station device keeps its log: merging it again after the run must not bring records back.
    const log = await run(exportCheckinLog, 'admin', {});
    const report = await run(runRetention, 'admin', {});
    const checkin = report.categories.find((c) => c.category === 'checkin')!;
    expect(checkin).toMatchObject({
      shredded: 1,
      persons: [p1!.id],
      held: 1,
      heldPersons: [p2!.id],
    });
    const left = await store.checkin.events();
    expect(left.map((e) => e.personId).sort()).toEqual([p2!.id, p3!.id].sort());
    await run(mergeCheckinLog, 'admin', { log });
    expect((await store.checkin.events()).map((e) => e.personId)).not.toContain(p1!.id);
    // The station never gives the shredded number again.
    const next = await record(recent!.id, p1!.id);
    expect(next.seq).toBe(4);

    const notes = report.categories.find((c) => c.category === 'case-notes')!;
    expect(notes.shredded).toBe(1);
    const history = async (id: string) =>
      JSON.stringify((await store.registry.household(id))!.history);
    expect(await history(closed)).not.toContain('Erbil');
    expect(await history(closed)).toContain('(shredded by retention)');
    expect(await history(open)).toContain('Erbil');
  });

  it('takes protection notes out of the records of cases closed long ago, and no others', async () => {
    const noted = demo.persons.filter((p) => p.pii.protectionNote !== undefined);
    const [old, recent] = noted.filter(
      (p, i) => noted.findIndex((q) => q.householdId === p.householdId) === i,
    );
    await closeCase(old!.householdId, 'withdrawn', daysBefore(400));
    await closeCase(recent!.householdId, 'withdrawn', daysBefore(30));
    const note = async (personId: string, caseId: string) => {
      const view = await run(showCase, 'protection-officer', { id: caseId });
      return view.members.find((m) => m.id === personId)?.pii?.protectionNote;
    };
    expect(await note(old!.id, old!.householdId)).toBe(old!.pii.protectionNote);
    const report = await run(runRetention, 'admin', {});
    expect(report.categories.find((c) => c.category === 'case-notes')?.persons).toContain(old!.id);
    expect(await note(old!.id, old!.householdId)).toBeUndefined();
    expect(await note(recent!.id, recent!.householdId)).toBe(recent!.pii.protectionNote);
    // The rest of the record is still readable.
    const view = await run(showCase, 'registrar', { id: old!.householdId });
    expect(view.members.find((m) => m.id === old!.id)?.pii?.familyName).toBe(old!.pii.familyName);
  });

  it('refuses erasure of a held person, and lets only the policy roles act', async () => {
    const [c] = documentedCases();
    await run(placeLegalHold, 'admin', { person: c!.personId, reason: 'court order' });
    const before = await auditCount();
    await expect(run(erasePerson, 'admin', { id: c!.personId })).rejects.toMatchObject({
      id: 'legal-hold',
      status: 409,
    });
    expect(await auditCount()).toBe(before);
    await expect(
      run(placeLegalHold, 'admin', { person: c!.personId, reason: 'again' }),
    ).rejects.toMatchObject({ status: 409 });
    await expect(run(placeLegalHold, 'admin', { reason: 'nobody' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at person: name a person or a case/),
    });
    await expect(
      run(setRetention, 'admin', { category: 'documents', days: 30, after: 'event' }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at after:/) });
    await expect(
      run(setRetention, 'admin', { category: 'documents', days: -1 }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/at days:/) });

    // The auditor reads holds without their reason, and may not set, run or hold.
    const holds = await run(listLegalHolds, 'auditor', { active: true });
    expect(holds.holds).toMatchObject([{ subjectId: c!.personId, reason: null }]);
    expect((await run(listLegalHolds, 'protection-officer', {})).holds[0]?.reason).toBe(
      'court order',
    );
    for (const role of roles) {
      const may = rolesAllowed('retention.set').includes(role);
      const attempt = run(setRetention, role, { category: 'checkin', days: 30 });
      if (may) await attempt;
      else await expect(attempt).rejects.toMatchObject({ id: 'forbidden', status: 403 });
    }
    expect(rolesAllowed('retention.set')).toEqual(['admin']);
    // A period set without `after` keeps the event the category is counted from.
    await run(setRetention, 'admin', { category: 'documents', days: 30, after: 'closure' });
    expect(await run(setRetention, 'admin', { category: 'documents', days: 45 })).toMatchObject({
      days: 45,
      after: 'closure',
    });
    await expect(run(runRetention, 'auditor', {})).rejects.toMatchObject({ id: 'forbidden' });
    await expect(
      run(placeLegalHold, 'auditor', { person: c!.personId, reason: 'x y z' }),
    ).rejects.toMatchObject({ id: 'forbidden' });
  });
});
