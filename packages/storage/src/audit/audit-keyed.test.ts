import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';
import { markKeyedChain } from './audit-store.js';

const admin = { name: 'test-admin', role: 'admin' };

/** The canonical text of an event, as anyone reading the source can compute it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Appends an event straight into the table with a plain SHA-256 hash, as an attacker can. */
async function forge(store: Store, action: string): Promise<number> {
  const last = await store.db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const e = {
    seq: Number(last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: 'test-admin',
    role: 'admin',
    action,
    entity: 'user',
    entityId: 'mallory',
    detail: { role: 'admin' },
    prevHash: last?.hash ?? 'genesis',
  };
  const hash = createHash('sha256').update(canonical(e)).digest('hex');
  await store.db
    .insertInto('audit_events')
    .values({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      role: e.role,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      detail: JSON.stringify(e.detail),
      prev_hash: e.prevHash,
      hash,
    })
    .execute();
  return e.seq;
}

describe.each(backends)('the keyed audit chain on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
  });
  afterEach(async () => close());

  const addUser = (username: string) =>
    store.users.add({ username, role: 'planner', passwordHash: 'x' }, admin);

  it('refuses an event appended in the table with plain SHA-256, though it chains correctly', async () => {
    await addUser('ana');
    await addUser('bo');
    expect(await store.audit.verify()).toEqual({ ok: true, events: 2 });
    const seq = await forge(store, 'user.add');
    const verdict = await store.audit.verify();
    expect(verdict).toMatchObject({ ok: false, seq });
    expect(verdict.ok || verdict.problem).toMatch(/written without the audit key \(forged\)/);
  });

  it('refuses a chain whose mark was removed or moved past the forged events', async () => {
    await addUser('ana');
    await forge(store, 'user.add');
    const mark = await store.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'audit_keyed_from')
      .executeTakeFirstOrThrow();
    expect(mark.value).toMatch(/^1:[0-9a-f]{64}$/);
    await store.db
      .updateTable('meta')
      .set({ value: mark.value.replace(/^1:/, '3:') })
      .where('key', '=', 'audit_keyed_from')
      .execute();
    expect(await store.audit.verify()).toMatchObject({
      ok: false,
      problem: 'the mark of the keyed chain was altered',
    });
    await store.db.deleteFrom('meta').where('key', '=', 'audit_keyed_from').execute();
    expect(await store.audit.verify()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/mark of the keyed chain is missing/),
    });
  });

  it('keeps a chain written before keying verifiable, keys what follows, and keeps anchors working', async () => {
    // A database from an earlier version: plain events, no mark.
    await store.db.deleteFrom('meta').where('key', '=', 'audit_keyed_from').execute();
    await forge(store, 'operation.create');
    await forge(store, 'registry.import');
    const oldHead = await store.audit.head();
    await markKeyedChain(store.db);
    expect(await store.audit.verify()).toEqual({ ok: true, events: 2 });
    await addUser('ana');
    expect(await store.audit.verify([oldHead])).toEqual({ ok: true, events: 3 });
    const head = await store.audit.head();
    expect(head.seq).toBe(3);
    expect(await store.audit.verify([oldHead, head])).toEqual({ ok: true, events: 3 });
    expect(
      await store.audit.verify([{ seq: 3, hash: createHash('sha256').update('x').digest('hex') }]),
    ).toMatchObject({ ok: false, seq: 3 });
    // Keyed from event 3 on: a plain event appended now is refused.
    const seq = await forge(store, 'user.add');
    expect(await store.audit.verify()).toMatchObject({ ok: false, seq });
  });
});
