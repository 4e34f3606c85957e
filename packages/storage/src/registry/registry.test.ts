import { generateDemo } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, parseAuditAnchor } from '../audit/audit-store.js';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';
import { move } from '../test-support/transition.js';

const admin = { name: 'test-admin', role: 'admin' };
const registrar = { name: 'test-registrar', role: 'registrar' };
const demo = generateDemo({ people: 240, seed: 5 });

async function counts(store: Store) {
  const one = async (table: 'case_history' | 'audit_events' | 'dedup_pairs' | 'households') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select(sql<number>`count(*)::int`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    history: await one('case_history'),
    audit: await one('audit_events'),
    pairs: await one('dedup_pairs'),
    households: await one('households'),
  };
}

describe.each(backends)('registry on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  it('counts what was written', async () => {
    const s = await store.registry.status();
    expect(s.persons).toBe(demo.persons.length);
    expect(s.households).toBe(demo.households.length);
    expect(s.destinations).toBe(10);
    expect(s.pledgedPersons).toBe(demo.pledges.reduce((n, p) => n + p.persons, 0));
    expect(Object.values(s.byStatus).reduce((n, v) => n + (v ?? 0), 0)).toBe(
      demo.households.length,
    );
  });

  it('reads a case back with decrypted members, documents and history', async () => {
    const h = demo.households[0]!;
    const view = await store.registry.household(h.id);
    const members = demo.persons.filter((p) => p.householdId === h.id);
    expect(view?.members.map((m) => m.pii?.familyName)).toEqual(
      members.map((m) => m.pii.familyName),
    );
    const doc = demo.documents.find((d) => members.some((m) => m.id === d.personId));
    if (doc) {
      const shown = view?.members.flatMap((m) => m.documents).find((d) => d.id === doc.id);
      expect(shown?.number).toBe(doc.number);
      expect(shown?.mrz).toEqual(doc.mrz);
    }
    expect(view?.history).toHaveLength(1);
  });

  it('moves a case and records who, when, from, to and why', async () => {
    const h = demo.households.find((x) => x.status === 'registered')!;
    const entry = await move(store, h.id, 'verified', 'documents checked', registrar);
    expect(entry).toMatchObject({
      from: 'registered',
      to: 'verified',
      actor: 'test-registrar',
      role: 'registrar',
    });
    const view = await store.registry.household(h.id);
    expect(view?.status).toBe('verified');
    expect(view?.history.at(-1)).toMatchObject({
      from: 'registered',
      to: 'verified',
      reason: 'documents checked',
    });
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('refuses bad moves with a clear message and writes nothing', async () => {
    const h = demo.households.find((x) => x.status === 'registered')!;
    const before = await counts(store);
    await expect(move(store, h.id, 'departed', 'skip ahead', admin)).rejects.toThrow(
      /cannot move from registered to departed/,
    );
    await expect(
      move(store, h.id, 'verified', 'ok now', { name: 'p', role: 'planner' }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(move(store, 'C-9999', 'verified', 'unknown', admin)).rejects.toThrow(
      /case C-9999 not found/,
    );
    expect(await counts(store)).toEqual(before);
    expect((await store.registry.household(h.id))?.status).toBe('registered');
  });

  it('queues duplicates for review and merges only on decision, keeping both histories', async () => {
    const added = await store.registry.scanDuplicates(admin);
    expect(added).toBeGreaterThan(0);
    expect(await store.registry.scanDuplicates(admin)).toBe(0);
    const [pair] = await store.registry.duplicates('open');
    expect(pair).toBeDefined();
    const before = await store.registry.status();
    const decided = await store.registry.decideDuplicate(
      pair!.id,
      { decision: 'merge', keep: pair!.a, note: 'same person, typo' },
      registrar,
    );
    expect(decided.status).toBe('merged');
    const after = await store.registry.status();
    expect(after.persons).toBe(before.persons - 1);
    const dropped = await store.db
      .selectFrom('persons')
      .select(['merged_into', 'household_id'])
      .where('id', '=', pair!.b)
      .executeTakeFirstOrThrow();
    expect(dropped.merged_into).toBe(pair!.a);
    const droppedCase = await store.registry.household(dropped.household_id);
    expect(droppedCase?.history.length).toBeGreaterThanOrEqual(2);
    expect(droppedCase?.members[0]?.pii).not.toBeNull();
    await expect(
      store.registry.decideDuplicate(pair!.id, { decision: 'distinct', note: 'again' }, registrar),
    ).rejects.toThrow(/already decided/);
    await expect(
      store.registry.decideDuplicate(
        pair!.id + 999,
        { decision: 'distinct', note: 'nope' },
        registrar,
      ),
    ).rejects.toThrow(/not found/);
  });

  it('detects an edited, a removed and an inserted audit event', async () => {
    const h = demo.households.find((x) => x.status === 'registered')!;
    await move(store, h.id, 'verified', 'checked', registrar);
    await move(store, h.id, 'on-hold', 'pause', registrar);
    expect(await store.audit.verify()).toEqual({ ok: true, events: 3 });
    await sql`update audit_events set actor = 'someone else' where seq = 2`.execute(store.db);
    expect(await store.audit.verify()).toMatchObject({
      ok: false,
      seq: 2,
      problem: expect.stringMatching(/changed/),
    });
    await sql`delete from audit_events where seq = 2`.execute(store.db);
    expect(await store.audit.verify()).toMatchObject({
      ok: false,
      seq: 2,
      problem: expect.stringMatching(/missing/),
    });
  });

  it('catches a chain rewritten inside the database with a head kept outside it', async () => {
    const h = demo.households.find((x) => x.status === 'registered')!;
    await move(store, h.id, 'verified', 'checked', registrar);
    await move(store, h.id, 'on-hold', 'pause', registrar);
    const head = await store.audit.head();
    expect(head.seq).toBe(3);
    expect(await store.audit.verify([head])).toEqual({ ok: true, events: 3 });
    // Someone with write access removes events and writes a new, self-consistent chain.
    await sql`delete from audit_events where seq >= 2`.execute(store.db);
    for (const action of ['forged.one', 'forged.two'])
      await store.db
        .transaction()
        .execute((trx) =>
          appendAudit(trx, admin, { action, entity: 'household', entityId: h.id, detail: {} }),
        );
    expect(await store.audit.verify()).toEqual({ ok: true, events: 3 });
    expect(await store.audit.verify([head])).toMatchObject({
      ok: false,
      seq: 3,
      problem: expect.stringMatching(/differs from its anchor/),
    });
    await sql`delete from audit_events where seq = 3`.execute(store.db);
    expect(await store.audit.verify([head])).toMatchObject({
      ok: false,
      seq: 3,
      problem: 'event 3 was anchored outside the database but is gone (the log ends at 2)',
    });
    expect(parseAuditAnchor(`3:${head.hash.toUpperCase()}`)).toEqual({ seq: 3, hash: head.hash });
    expect(() => parseAuditAnchor('3:abc')).toThrow(/must be SEQ:HASH/);
  });

  it('keeps names and document numbers out of the stored bytes', async () => {
    const rows = await sql<{
      t: string;
    }>`select string_agg(p::text, '|') as t from persons p`.execute(store.db);
    const docs = await sql<{
      t: string;
    }>`select string_agg(d::text, '|') as t from documents d`.execute(store.db);
    const text = (rows.rows[0]?.t ?? '') + (docs.rows[0]?.t ?? '');
    for (const p of demo.persons.slice(0, 50)) expect(text).not.toContain(p.pii.familyName);
    for (const d of demo.documents.slice(0, 50)) expect(text).not.toContain(d.number);
  });

  it('gives planners cases with sizes, needs, wishes and ties but no personal data', async () => {
    const { cases, links } = await store.registry.planningCases(['verified', 'referred']);
    const wanted = demo.households.filter(
      (h) => h.status === 'verified' || h.status === 'referred',
    );
    expect(cases.map((c) => c.id)).toEqual(wanted.map((h) => h.id).sort());
    const c = cases[0]!;
    const members = demo.persons.filter((p) => p.householdId === c.id);
    expect(c.persons).toBe(members.length);
    const medical = members.filter((m) =>
      demo.needs.some((n) => n.personId === m.id && n.code === 'SM'),
    ).length;
    expect(c.medicalPersons).toBe(medical);
    expect(c.preferences).toEqual(
      demo.preferences.filter((p) => p.householdId === c.id).map((p) => p.destinationId),
    );
    expect(JSON.stringify(cases)).not.toContain(members[0]!.pii.familyName);
    for (const l of links)
      expect(cases.some((x) => x.id === l.a) && cases.some((x) => x.id === l.b)).toBe(true);
  });

  it('replaces the operation but keeps the audit chain', async () => {
    await store.registry.deleteOperation(admin);
    expect(await store.registry.operation()).toBeUndefined();
    await expect(store.registry.status()).rejects.toThrow(/no operation/);
    expect((await store.audit.verify()).ok).toBe(true);
  });
});
