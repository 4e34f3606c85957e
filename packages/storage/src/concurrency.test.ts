import { generateDemo, generateDemoIncidents } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit } from './audit/audit-store.js';
import { openStore, type Store } from './store.js';
import { backends, testEnv, type Backend } from './test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 120, seed: 11 });

/**
 * Two writers on one database: on PostgreSQL two stores with their own connection pools (as two
 * server processes have); PGlite allows one process, so there both writers share its store.
 */
async function twoWriters(backend: Backend) {
  const fresh = await backend.fresh();
  const other = fresh.databaseUrl
    ? await openStore(
        { dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl, create: false },
        testEnv,
      )
    : fresh.store;
  return {
    a: fresh.store,
    b: other,
    close: async () => {
      if (other !== fresh.store) await other.close();
      await fresh.close();
    },
  };
}

describe.each(backends)('two writers at once on $name', (backend) => {
  let a: Store;
  let b: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ a, b, close } = await twoWriters(backend));
    await a.registry.createOperation(demo, admin);
  });
  afterEach(async () => close());

  it('append to the audit chain without forking it', async () => {
    const before = (await a.audit.verify()).events;
    const append = (store: Store, k: number) =>
      store.db.transaction().execute(async (trx) => {
        // Some work inside the transaction, so that the two writers' transactions overlap.
        await sql`select pg_sleep(0.002)`.execute(trx);
        return appendAudit(trx, admin, {
          action: 'test.concurrent',
          entity: 'test',
          entityId: `${k}`,
        });
      });
    const events = await Promise.all(
      Array.from({ length: 60 }, (_, k) => append(k % 2 ? a : b, k)),
    );
    expect(new Set(events.map((e) => e.seq)).size).toBe(60);
    expect(new Set(events.map((e) => e.prevHash)).size).toBe(60);
    const verdict = await b.audit.verify();
    expect(verdict).toEqual({ ok: true, events: before + 60 });
  });

  it('report a conflict when two planners save plans from the same base', async () => {
    const base = (await a.plans.current('allocation'))?.id ?? null;
    const plan = (who: string) => ({
      kind: 'allocation' as const,
      params: { who },
      summary: {},
      basedOn: base,
      assignments: demo.households.map((h) => ({
        householdId: h.id,
        destinationId: demo.destinations[0]!.id,
        movementId: null,
        locked: false,
        reason: who,
      })),
    });
    const results = await Promise.allSettled([
      a.plans.save(plan('first planner'), admin),
      b.plans.save(plan('second planner'), admin),
    ]);
    const saved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      id: 'plan-changed',
      status: 409,
    });
    const current = await b.plans.current('allocation');
    expect(current?.id).toBe((saved[0] as PromiseFulfilledResult<{ id: number }>).value.id);
    expect(current?.assignments).toHaveLength(demo.households.length);
    expect(await a.plans.list('allocation')).toHaveLength(1);
  });

  it('let a cancel and a plan save of one job exclude each other', async () => {
    const at = new Date('2031-06-01T10:00:00Z');
    const job = async () => {
      const j = await a.jobs.create({ kind: 'schedule', params: {} }, admin);
      expect(await a.jobs.claim(j.id, 'worker-1', at)).toBeDefined();
      return j.id;
    };
    // Cancelled first: the run may not save.
    const first = await job();
    expect((await b.jobs.cancel(first, admin, at)).cancelRequested).toBe(true);
    expect(await a.jobs.markSaved(first, 'worker-1', at)).toBe(false);
    // Saving while a cancel arrives: the cancel waits for the save's transaction, then is refused.
    const second = await job();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let marked: Promise<boolean> | undefined;
    const saving = a.atomically(async (tx) => {
      marked = tx.jobs.markSaved(second, 'worker-1', at);
      await marked;
      await gate;
    });
    while (!marked) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await marked).toBe(true);
    // The refusal's handler is attached at once: the cancel's answer may reach us before the
    // save's commit does (two connections), and a rejection nobody listens to yet is unhandled.
    const cancelling = expect(b.jobs.cancel(second, admin, at)).rejects.toMatchObject({
      status: 409,
      message: `job ${second} has already saved its plan; it can no longer be cancelled`,
    });
    setTimeout(release, 200);
    await saving;
    await cancelling;
    expect((await a.jobs.get(second))!).toMatchObject({ cancelRequested: false });
    expect((await a.jobs.get(second))!.savedAt).not.toBeNull();
  });

  it('add one incident id from two writers: one is added, the other told clearly', async () => {
    const incident = { ...generateDemoIncidents(demo.households)[0]!, id: 'I-RACE' };
    const results = await Promise.allSettled([
      a.incidents.add([incident], admin),
      b.incidents.add([incident], admin),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ id: 'invalid-input', status: 400 });
    expect(String(refused.reason.message)).toContain('incident I-RACE: id is already used');
    expect((await b.incidents.list()).filter((i) => i.id === 'I-RACE')).toHaveLength(1);
  });
});
