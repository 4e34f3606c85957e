import { generateDemo, generateDemoGroundCapacity, generateDemoMovements } from '@corridor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { backends, tempDir } from '../test-support/backends.js';
import { move } from '../test-support/transition.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 150, seed: 9 });
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

async function fresh(name: 'pglite' | 'postgres') {
  const opened = await backends.find((b) => b.name === name)!.fresh();
  closers.push(opened.close);
  return opened.store;
}

describe.each([
  ['pglite', 'postgres'],
  ['postgres', 'pglite'],
] as const)('backup on %s, restore on %s', (from, to) => {
  it('restores identical counts, cases, movements, plans and an intact audit chain', async () => {
    const source = await fresh(from);
    await source.registry.createOperation(demo, admin);
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    await source.movements.add(movements, admin);
    await source.movements.setGroundCapacity(generateDemoGroundCapacity(movements), admin);
    const h = demo.households.find((x) => x.status === 'registered')!;
    await move(source, h.id, 'verified', 'checked', { name: 'r', role: 'registrar' });
    await source.plans.save(
      {
        kind: 'allocation',
        params: {},
        summary: { note: 'test' },
        assignments: [
          {
            householdId: h.id,
            destinationId: 'ALB',
            movementId: null,
            locked: false,
            reason: 'test',
          },
        ],
      },
      admin,
    );
    const { content, summary } = await source.backup();
    expect(summary.rows).toBeGreaterThan(demo.persons.length);
    expect(content.toString('latin1')).not.toContain(demo.persons[0]!.pii.familyName);

    const target = await fresh(to);
    await target.restore(content);
    expect(await target.registry.status()).toEqual(await source.registry.status());
    expect(await target.registry.household(h.id)).toEqual(await source.registry.household(h.id));
    expect(await target.movements.list()).toEqual(await source.movements.list());
    expect((await target.plans.current('allocation'))?.assignments).toHaveLength(1);
    expect(await target.audit.verify()).toEqual(await source.audit.verify());
    // Serial ids continue after the restored rows.
    await move(target, h.id, 'on-hold', 'paused', { name: 'r', role: 'registrar' });
    expect((await target.audit.verify()).ok).toBe(true);
  });
});

describe('restore refuses', () => {
  it('a file that is not a backup, a backup made with another key, and a database in use', async () => {
    const source = await fresh('pglite');
    await source.registry.createOperation(demo, admin);
    const { content } = await source.backup();
    const target = await fresh('pglite');
    await expect(target.restore(Buffer.from('hello'))).rejects.toThrow(/not a Corridor backup/);
    await expect(source.restore(content)).rejects.toThrow(
      /not empty \(it holds rows in .*households/,
    );
    const { dir, cleanup } = tempDir();
    const other = await openStore(
      { dataDir: dir, create: true },
      { CORRIDOR_MASTER_KEY: Buffer.alloc(32, 3).toString('base64') },
    );
    closers.push(async () => (await other.close(), cleanup()));
    await expect(other.restore(content)).rejects.toThrow(/another master key/);
    await expect(other.registry.operation()).resolves.toBeUndefined();
  });
});

describe.each(backends)('restore on $name into a database that already has a user', (backend) => {
  it('refuses with a clear error and writes nothing (no key clash, no forked audit chain)', async () => {
    const source = await fresh('pglite');
    await source.registry.createOperation(demo, admin);
    await source.users.add({ username: 'ana', role: 'admin', passwordHash: 'x' }, admin);
    const { content } = await source.backup();
    const opened = await backend.fresh();
    closers.push(opened.close);
    const target = opened.store;
    await target.users.add({ username: 'bo', role: 'admin', passwordHash: 'y' }, admin);
    const error = await target.restore(content).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ id: 'conflict', status: 409 });
    expect(String((error as Error).message)).toMatch(/holds rows in .*users/);
    expect(await target.registry.operation()).toBeUndefined();
    expect((await target.users.list()).map((u) => u.username)).toEqual(['bo']);
    expect(await target.audit.verify()).toEqual({ ok: true, events: 1 });
  });
});
