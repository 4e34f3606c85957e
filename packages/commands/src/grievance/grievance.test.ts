/**
 * Grievances and appeals through the commands, on PGlite and PostgreSQL: deadlines and overdue,
 * bad input refused naming the field with nothing written, a confidential grievance hidden from
 * every role but protection officers and the admin, the words absent from the raw database files,
 * and an upheld appeal that re-plans the household with the change recorded.
 */
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { generateDemo, roles, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends, type Backend } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAppeal, fileAppeal, listAppeals } from '../appeal/index.js';
import { addPerson, erasePerson, removePerson } from '../person/index.js';
import type { AnyCommand } from '../define.js';
import { execute } from '../execute.js';
import { silentControl } from '../planning/control.js';
import { explainCase } from '../planning/allocation-views.js';
import { runAllocation } from '../planning/run-allocation.js';
import {
  addGrievance,
  listGrievances,
  respondGrievance,
  showGrievance,
  updateGrievanceStatus,
} from './index.js';

const demo = generateDemo({ people: 60, seed: 23 });
const admin = { name: 'test-admin', role: 'admin' as Role };
const day = 86_400_000;

type Row = { id: string; overdue: boolean; dueAt: string; status: string; confidential: boolean };

const as = (role: Role, name = `test-${role}`) => ({ name, role });
const run = (store: Store, command: unknown, input: unknown, who = admin, now = new Date()) =>
  execute(command as AnyCommand, { actor: { ...who, via: 'api' }, store, now }, input);

/** Every file under `dir`, as bytes. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)));
}

/** What an attacker copies: PGlite's folder after close; PostgreSQL's relation files and recent WAL. */
async function rawBytes(
  backend: Backend,
  opened: { store: Store; dataDir: string },
  since: Date,
): Promise<Buffer[]> {
  if (backend.name === 'pglite') {
    await opened.store.close();
    return filesUnder(join(opened.dataDir, 'pgdata'));
  }
  const db = opened.store.db;
  await sql`checkpoint`.execute(db);
  const raw: Buffer[] = [];
  const relations = await sql<{ path: string }>`select pg_relation_filepath(c.oid) as path
    from pg_class c where c.relkind in ('r', 't', 'i') and pg_relation_filepath(c.oid) is not null`.execute(
    db,
  );
  for (const r of relations.rows) {
    const read = await sql<{ b: Uint8Array | null }>`select pg_read_binary_file(${r.path}) as b
      where (pg_stat_file(${r.path}, true)).size is not null`.execute(db);
    if (read.rows[0]?.b) raw.push(Buffer.from(read.rows[0].b));
  }
  const wal = await sql<{ name: string }>`select name from pg_ls_waldir()
    where modification >= ${since} and name ~ '^[0-9A-F]{24}$'`.execute(db);
  for (const w of wal.rows) {
    const read = await sql<{
      b: Uint8Array | null;
    }>`select pg_read_binary_file(f.path, 0, f.size, true) as b
      from (select ${'pg_wal/' + w.name}::text as path,
        (pg_stat_file(${'pg_wal/' + w.name}, true)).size) f where f.size is not null`.execute(db);
    if (read.rows[0]?.b) raw.push(Buffer.from(read.rows[0].b));
  }
  await opened.store.close();
  return raw;
}

describe.each(backends)('grievances and appeals on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  let caseId: string;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, admin);
    await runAllocation(store, admin, { timeLimitMs: 1000, seed: 1 }, silentControl);
    caseId = (await store.plans.current('allocation'))!.assignments[0]!.householdId;
  }, 180_000);
  afterAll(async () => close());

  const add = (input: object, who = as('registrar'), now?: Date) =>
    run(
      store,
      addGrievance,
      { caseId, channel: 'desk', category: 'timetable', ...input },
      who,
      now,
    ) as Promise<Row>;

  it('sets the deadline by urgency and lists what is overdue', async () => {
    const now = new Date('2031-07-01T09:00:00Z');
    const ago = (days: number) => new Date(now.getTime() - days * day).toISOString();
    const late = await add(
      { urgency: 'normal', text: 'no answer yet', receivedAt: ago(20) },
      undefined,
      now,
    );
    const critical = await add(
      { urgency: 'critical', text: 'threat', receivedAt: ago(3) },
      undefined,
      now,
    );
    const fresh = await add(
      { urgency: 'high', text: 'bus time', receivedAt: ago(1) },
      undefined,
      now,
    );
    const low = await add({ urgency: 'low', text: 'a form', receivedAt: ago(29) }, undefined, now);
    expect(Date.parse(late.dueAt) - Date.parse(ago(20))).toBe(14 * day);
    expect(Date.parse(critical.dueAt) - Date.parse(ago(3))).toBe(2 * day);
    expect(Date.parse(fresh.dueAt) - Date.parse(ago(1))).toBe(7 * day);
    expect(Date.parse(low.dueAt) - Date.parse(ago(29))).toBe(30 * day);
    expect([late.overdue, critical.overdue, fresh.overdue, low.overdue]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const overdue = (await run(store, listGrievances, { overdue: 'true' }, admin, now)) as Row[];
    expect(overdue.map((g) => g.id)).toEqual([late.id, critical.id]);
    // Answered, it is no longer overdue; an acknowledgement alone does not stop the clock.
    await run(
      store,
      respondGrievance,
      { id: late.id, text: 'the bus leaves at 6' },
      as('registrar'),
      now,
    );
    await run(
      store,
      updateGrievanceStatus,
      { id: critical.id, status: 'acknowledged' },
      as('protection-officer'),
      now,
    );
    const still = (await run(store, listGrievances, { overdue: true }, admin, now)) as Row[];
    expect(still.map((g) => g.id)).toEqual([critical.id]);
    const shown = (await run(store, showGrievance, { id: late.id }, as('registrar'), now)) as {
      status: string;
      text: string;
      history: { from: string | null; to: string; actor: string; text: string | null }[];
    };
    expect(shown).toMatchObject({ status: 'responded', text: 'no answer yet' });
    expect(shown.history).toMatchObject([
      { from: null, to: 'open', actor: 'test-registrar', text: null },
      { from: 'open', to: 'responded', actor: 'test-registrar', text: 'the bus leaves at 6' },
    ]);
    // Closed, it must be reopened before another answer.
    await run(
      store,
      respondGrievance,
      { id: late.id, text: 'closing', close: true },
      as('registrar'),
      now,
    );
    await expect(
      run(store, respondGrievance, { id: late.id, text: 'again' }, as('registrar'), now),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const audit = (await store.audit.events(0, 1e6)).length;
    const count = (await run(store, listGrievances, {})) as Row[];
    const refused = (input: object, field: RegExp) =>
      expect(add({ urgency: 'high', text: 'words', ...input })).rejects.toMatchObject({
        status: 400,
        message: expect.stringMatching(field),
      });
    await refused({ channel: 'pigeon' }, /at channel: channel must be one of: desk, phone/);
    await refused({ category: 'weather' }, /at category: category must be one of/);
    await refused({ urgency: 'urgent' }, /at urgency: urgency must be one of: low, normal, high/);
    await refused({ text: '   ' }, /at text: text is required and may not be empty/);
    await refused({ text: undefined }, /at text: text is required/);
    await refused({ caseId: 'C-9999' }, /at caseId: no case C-9999/);
    await refused({ receivedAt: 'yesterday' }, /at receivedAt: /);
    await expect(
      run(store, fileAppeal, { caseId: 'C-9999', grounds: 'unfair' }, as('registrar')),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at caseId: no case C-9999/),
    });
    await expect(
      run(store, fileAppeal, { caseId, grounds: '' }, as('registrar')),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at grounds: grounds is required/),
    });
    await expect(
      run(
        store,
        fileAppeal,
        { caseId, grounds: 'unfair', requestedDestinationId: 'ATLANTIS' },
        as('registrar'),
      ),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at requestedDestinationId: no destination ATLANTIS/),
    });
    expect((await store.audit.events(0, 1e6)).length).toBe(audit);
    expect(((await run(store, listGrievances, {})) as Row[]).length).toBe(count.length);
    expect(await run(store, listAppeals, {})).toEqual([]);
  });

  it('hides a confidential grievance, its existence too, from every role but protection officers and the admin', async () => {
    const secret = 'Confidential-complaint-about-a-guard-KX41';
    const filed = await add(
      { category: 'protection', urgency: 'high', text: secret, confidential: true },
      as('registrar'),
    );
    const open = await add({ category: 'allocation', text: 'an open complaint' }, as('registrar'));
    // Numbered apart: the numbers other roles see have no gap where a confidential one sits.
    expect(filed.id).toMatch(/^GC-\d{6}$/);
    expect(open.id).toMatch(/^G-\d{6}$/);
    const numbers = ((await run(store, listGrievances, {}, as('registrar'))) as Row[])
      .map((g) => Number(g.id.slice(2)))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    for (const role of roles) {
      const who = as(role);
      const sees = role === 'protection-officer' || role === 'admin';
      const list = (await run(store, listGrievances, {}, who)) as Row[];
      const ofCase = (await run(store, listGrievances, { caseId }, who)) as Row[];
      expect(
        list.some((g) => g.id === filed.id),
        role,
      ).toBe(sees);
      expect(
        ofCase.some((g) => g.id === filed.id),
        role,
      ).toBe(sees);
      expect(
        list.some((g) => g.id === open.id),
        role,
      ).toBe(true);
      if (sees) {
        const shown = (await run(store, showGrievance, { id: filed.id }, who)) as { text: string };
        expect(shown.text).toBe(secret);
      } else {
        // As an id that does not exist: the same 404, the same words.
        const hidden = run(store, showGrievance, { id: filed.id }, who);
        await expect(hidden).rejects.toMatchObject({
          status: 404,
          message: `grievance ${filed.id} not found`,
        });
        await expect(run(store, showGrievance, { id: 'G-999999' }, who)).rejects.toMatchObject({
          status: 404,
          message: 'grievance G-999999 not found',
        });
        if (role === 'registrar')
          await expect(
            run(store, respondGrievance, { id: filed.id, text: 'seen' }, who),
          ).rejects.toMatchObject({ status: 404 });
        // The open one's words only for roles that may read complaints.
        const other = (await run(store, showGrievance, { id: open.id }, who)) as {
          text: string | null;
        };
        expect(other.text).toBe(role === 'registrar' ? 'an open complaint' : null);
      }
    }
    // The audit log names neither the case nor the words of a confidential grievance.
    const events = await store.audit.events(0, 1e6);
    const logged = events.find((e) => e.entityId === filed.id)!;
    expect(logged.detail).toEqual({ confidential: true });
    expect(JSON.stringify(events)).not.toContain(secret);
    expect(JSON.stringify(events)).not.toContain('an open complaint');
  });

  it('files an appeal with the explanation; upheld, the household is re-planned and the change recorded', async () => {
    // A case placed somewhere, not linked, with another destination it is eligible for.
    const plan = (await store.plans.current('allocation'))!;
    let target: { caseId: string; from: string; to: string } | undefined;
    for (const a of plan.assignments.filter((x) => x.destinationId)) {
      const e = await explainCase(store, a.householdId);
      const other = e.others.find((o) => o.eligible);
      if (e.linkedWith.length === 0 && other) {
        target = { caseId: a.householdId, from: e.destination!, to: other.destination };
        break;
      }
    }
    expect(target).toBeDefined();
    const { caseId: appealed, from, to } = target!;
    const filed = (await run(
      store,
      fileAppeal,
      { caseId: appealed, grounds: 'Our brother lives there', requestedDestinationId: to },
      as('registrar'),
    )) as {
      id: string;
      planId: number;
      destination: string;
      explanation: { case: string; destination: string };
    };
    expect(filed).toMatchObject({
      planId: plan.id,
      destination: from,
      explanation: { case: appealed, destination: from },
    });
    // A second appeal waits for the first to be decided; a planner may not decide it.
    await expect(
      run(store, fileAppeal, { caseId: appealed, grounds: 'again' }, as('registrar')),
    ).rejects.toMatchObject({ status: 409 });
    await expect(
      run(
        store,
        decideAppeal,
        { id: filed.id, outcome: 'upheld', reason: 'family tie' },
        as('planner'),
      ),
    ).rejects.toMatchObject({ status: 403 });
    const decided = (await run(
      store,
      decideAppeal,
      { id: filed.id, outcome: 'upheld', reason: 'family tie confirmed' },
      as('protection-officer'),
    )) as {
      status: string;
      decision: { newDestination: string; newPlanId: number; reason: string };
    };
    expect(decided).toMatchObject({
      status: 'upheld',
      decision: { newDestination: to, reason: 'family tie confirmed' },
    });
    const now = (await store.plans.current('allocation'))!;
    expect(now.id).toBe(decided.decision.newPlanId);
    expect(now.parentId).toBe(plan.id);
    expect(now.assignments.find((a) => a.householdId === appealed)).toMatchObject({
      destinationId: to,
      locked: true,
    });
    // Nobody else moved.
    const others = (p: typeof plan) =>
      p.assignments
        .filter((a) => a.householdId !== appealed)
        .map((a) => [a.householdId, a.destinationId]);
    expect(others(now)).toEqual(others(plan));
    expect((await store.plans.locks()).find((l) => l.householdId === appealed)).toMatchObject({
      destinationId: to,
    });
    const history = (await store.registry.household(appealed))!.history.at(-1)!;
    expect(history).toMatchObject({
      change: `appeal ${filed.id} upheld: allocation ${from} -> ${to} (plan ${now.id})`,
      reason: 'family tie confirmed',
      actor: 'test-protection-officer',
    });
    const audit = (await store.audit.events(0, 1e6)).filter((e) => e.entityId === filed.id);
    expect(audit.map((e) => e.action)).toEqual(['appeal.file', 'appeal.decide']);
    expect(audit[1]!.detail).toMatchObject({ outcome: 'upheld', from, to, planId: now.id });
    expect(JSON.stringify(audit)).not.toMatch(/brother|family tie/);
    // Decided once only.
    await expect(
      run(store, decideAppeal, { id: filed.id, outcome: 'rejected', reason: 'no' }, as('admin')),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('rejects an appeal without touching the plan, and refuses an upheld one without a destination', async () => {
    const plan = (await store.plans.current('allocation'))!;
    const other = plan.assignments.find((a) => a.householdId !== caseId && !a.locked)!;
    const filed = (await run(
      store,
      fileAppeal,
      { caseId: other.householdId, grounds: 'too cold' },
      as('registrar'),
    )) as {
      id: string;
    };
    const audit = (await store.audit.events(0, 1e6)).length;
    await expect(
      run(store, decideAppeal, { id: filed.id, outcome: 'upheld', reason: 'ok' }, admin),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at destinationId: required for an upheld appeal/),
    });
    await expect(
      run(store, decideAppeal, { id: filed.id, outcome: 'maybe', reason: 'ok' }, admin),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at outcome: outcome must be upheld or rejected/),
    });
    expect((await store.audit.events(0, 1e6)).length).toBe(audit);
    const rejected = (await run(
      store,
      decideAppeal,
      { id: filed.id, outcome: 'rejected', reason: 'pledge is full' },
      as('protection-officer'),
    )) as { status: string; decision: { newPlanId: number | null } };
    expect(rejected).toMatchObject({ status: 'rejected', decision: { newPlanId: null } });
    expect((await store.plans.current('allocation'))!.id).toBe(plan.id);
    expect((await store.registry.household(other.householdId))!.history.at(-1)).toMatchObject({
      change: `appeal ${filed.id} rejected`,
      reason: 'pledge is full',
    });
  });
  it('keeps the words readable when a person added by mistake is removed from the case', async () => {
    const appealed = new Set(
      ((await run(store, listAppeals, {})) as { case: string }[]).map((a) => a.case),
    );
    const placed = (await store.plans.current('allocation'))!.assignments;
    const target = {
      id: placed.find((a) => a.householdId !== caseId && !appealed.has(a.householdId))!.householdId,
    };
    const added = (await run(
      store,
      addPerson,
      { caseId: target.id, givenName: 'Mistake', familyName: 'Entry', sex: 'X' },
      as('registrar'),
    )) as { personId: string };
    const g = (await run(
      store,
      addGrievance,
      { caseId: target.id, channel: 'desk', category: 'other', text: 'the words stay' },
      as('registrar'),
    )) as Row;
    await run(store, respondGrievance, { id: g.id, text: 'the answer stays' }, as('registrar'));
    const a = (await run(
      store,
      fileAppeal,
      { caseId: target.id, grounds: 'grounds stay' },
      as('registrar'),
    )) as {
      id: string;
    };
    await run(
      store,
      removePerson,
      { id: added.personId, reason: 'added by mistake' },
      as('registrar'),
    );
    const shown = (await run(store, showGrievance, { id: g.id }, as('registrar'))) as {
      text: string;
      history: { text: string | null }[];
    };
    expect(shown.text).toBe('the words stay');
    expect(shown.history.at(-1)!.text).toBe('the answer stays');
    const [appeal] = (await run(store, listAppeals, { caseId: target.id }, as('registrar'))) as {
      id: string;
      grounds: string;
    }[];
    expect(appeal).toMatchObject({ id: a.id, grounds: 'grounds stay' });
  });

  it('shows (erased) for the words once a member of the case is erased, and keeps the rest', async () => {
    const other = demo.households.find(
      (h) => h.id !== caseId && demo.persons.some((p) => p.householdId === h.id),
    )!;
    const g = (await run(
      store,
      addGrievance,
      { caseId: other.id, channel: 'email', category: 'data-protection', text: 'delete my data' },
      as('registrar'),
    )) as Row;
    const member = demo.persons.find((p) => p.householdId === other.id)!;
    await run(store, erasePerson, { id: member.id, now: true }, as('protection-officer'));
    const shown = (await run(store, showGrievance, { id: g.id }, as('registrar'))) as {
      text: string;
      category: string;
      status: string;
    };
    expect(shown).toMatchObject({ text: '(erased)', category: 'data-protection', status: 'open' });
  });
});

describe.each(backends)('the words of grievances and appeals on disk, on $name', (backend) => {
  it('are not in the raw database files, while the clear columns are', async () => {
    const opened = await backend.fresh();
    const since = new Date(Date.now() - 1000);
    try {
      const store = opened.store;
      await store.registry.createOperation(demo, admin);
      await runAllocation(store, admin, { timeLimitMs: 1000, seed: 1 }, silentControl);
      const caseId = (await store.plans.current('allocation'))!.assignments[0]!.householdId;
      // The actor's name is kept in clear: the control that shows the scan finds what is there.
      const officer = as('protection-officer', 'Officer-Control-Q7Z3');
      const words = {
        complaint: 'Zahra-Hidden-Complaint-81F',
        answer: 'Hidden-Answer-Text-3C9',
        note: 'Hidden-Status-Note-77D',
        grounds: 'Hidden-Appeal-Grounds-5E2',
        reason: 'Hidden-Decision-Reason-0B4',
      };
      const g = (await run(
        store,
        addGrievance,
        {
          caseId,
          channel: 'hotline',
          category: 'protection',
          urgency: 'critical',
          text: words.complaint,
          confidential: true,
        },
        officer,
      )) as Row;
      await run(
        store,
        updateGrievanceStatus,
        { id: g.id, status: 'escalated', note: words.note },
        officer,
      );
      await run(store, respondGrievance, { id: g.id, text: words.answer }, officer);
      const a = (await run(store, fileAppeal, { caseId, grounds: words.grounds }, officer)) as {
        id: string;
      };
      await run(
        store,
        decideAppeal,
        { id: a.id, outcome: 'rejected', reason: words.reason },
        officer,
      );
      const raw = await rawBytes(backend, opened, since);
      const found = (text: string) => raw.some((b) => b.includes(Buffer.from(text)));
      expect(found(officer.name)).toBe(true);
      expect(Object.values(words).filter(found)).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 180_000);
});
