/**
 * Two processes on one PostgreSQL database (a server and a CLI, say), each with its own keyring
 * cache: when one rotates the keys (an erasure finished at once), the other must not go on wrapping
 * new secrets under the generation just destroyed — its writes would become unreadable to everyone.
 * A write holds the recorded generation (`pinGeneration`) instead of trusting its own cache.
 */
import { join } from 'node:path';
import { decideTransition, generateDemo, generateDemoMovements } from '@corridor/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { freshPostgresUrl, tempDir, testEnv } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 60, seed: 12 });
const opened: Store[] = [];
const cleanups: (() => void)[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  cleanups.forEach((c) => c());
});

describe('a store that did not rotate, after another one did (PostgreSQL)', () => {
  it('wraps new secrets under the recorded generation, readable by a third store', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const config = { dataDir: join(dir, 'data'), databaseUrl: await freshPostgresUrl() };
    const rotating = await openStore({ ...config, create: true }, testEnv);
    opened.push(rotating);
    await rotating.registry.createOperation(demo, admin);
    // The other "process" opens now and caches the current generation.
    const stale = await openStore({ ...config, create: false }, testEnv);
    opened.push(stale);
    const before = (await stale.keys.status()).generation;
    const victim = demo.persons.find((p) => !p.isHead)!;
    const erased = await rotating.registry.erasePerson(victim.id, admin, { now: true });
    expect(erased.final).toBe(true);
    expect((await rotating.keys.status()).generation).toBe(before + 1);

    // The stale store writes a case-history reason (a secret of its own) and a person's record.
    const household = demo.households.find(
      (h) => h.id !== victim.householdId && h.status === 'registered',
    )!;
    const to = 'verified';
    await stale.registry.transitionCase(
      household.id,
      to,
      'interview held at the camp office',
      admin,
      (from, resumeTo) => decideTransition(household.id, from, to, 'admin', resumeTo),
    );

    // And a check-in note (a secret of its own, wrapped in insertEvents under the pinned generation).
    const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
    await stale.movements.add([movement!], admin);
    const passenger = demo.persons.find((p) => p.householdId === household.id)!;
    await stale.checkin.append(
      {
        movementId: movement!.id,
        personId: passenger.id,
        status: 'checked-in',
        note: 'needs a wheelchair at the steps',
        supersedes: null,
      },
      admin,
    );

    const reader = await openStore({ ...config, create: false }, testEnv);
    opened.push(reader);
    const view = await reader.registry.household(household.id);
    expect(view!.history.at(-1)!.reason).toBe('interview held at the camp office');
    const [event] = await reader.checkin.events({ personIds: [passenger.id] });
    expect(event!.note).toBe('needs a wheelchair at the steps');
  });
});
