import { generateDemo, roles, rolesAllowed } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execute } from '../execute.js';
import { addUser } from '../user/add.js';
import { disableUser } from '../user/disable.js';
import { listUsers } from '../user/list.js';
import { erasePerson } from './erase.js';

const demo = generateDemo({ people: 40, seed: 3 });
const seeder = { name: 'test-seed', role: 'admin' };
const as = (role: (typeof roles)[number]) => ({ name: `t-${role}`, role, via: 'api' as const });

describe('person.erase and the user commands, by policy', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backends[0]!.fresh());
    await store.registry.createOperation(demo, seeder);
  });
  afterEach(async () => close());

  const events = async () => (await store.audit.events(0, 1_000_000)).length;
  const run = <C extends Parameters<typeof execute>[0]>(
    command: C,
    role: (typeof roles)[number],
    input: unknown,
  ) => execute(command, { actor: as(role), store, now: new Date() }, input);

  it('lets only the roles of person.erase erase, and writes nothing for the others', async () => {
    const person = demo.persons[0]!;
    const allowed = rolesAllowed('person.erase');
    expect(allowed).toEqual(['admin', 'protection-officer']);
    for (const role of roles.filter((r) => !allowed.includes(r))) {
      const before = await events();
      await expect(run(erasePerson, role, { id: person.id })).rejects.toMatchObject({
        id: 'forbidden',
        status: 403,
        message: expect.stringMatching(/may not person\.erase/),
      });
      expect(await events()).toBe(before);
    }
    const done = await run(erasePerson, 'protection-officer', { id: person.id });
    expect(done).toMatchObject({ personId: person.id, householdId: person.householdId });
    expect((await store.audit.events(0, 1_000_000)).at(-1)?.action).toBe('person.erase');
    await expect(run(erasePerson, 'admin', { id: person.id })).rejects.toMatchObject({
      id: 'already-erased',
    });
    await expect(run(erasePerson, 'admin', { id: 'not an id' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at id:/),
    });
  });

  it('lets only an administrator manage users; the new account keeps the role it was given', async () => {
    const input = { username: 'nadia', role: 'planner', password: 'a long enough password' };
    for (const role of roles.filter((r) => r !== 'admin')) {
      const before = await events();
      await expect(run(addUser, role, input)).rejects.toMatchObject({ id: 'forbidden' });
      await expect(run(listUsers, role, {})).rejects.toMatchObject({ id: 'forbidden' });
      expect(await events()).toBe(before);
    }
    const added = await run(addUser, 'admin', input);
    expect(added).toMatchObject({ username: 'nadia', role: 'planner', createdBy: 't-admin' });
    expect((await store.users.credentials('nadia'))?.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(run(addUser, 'admin', { ...input, password: 'short' })).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/at password: must have at least 12 characters/),
    });
    expect(JSON.stringify(await run(listUsers, 'admin', {}))).not.toMatch(/argon2|password/);
    await expect(run(disableUser, 'registrar', { username: 'nadia' })).rejects.toMatchObject({
      id: 'forbidden',
    });
    expect(await run(disableUser, 'admin', { username: 'nadia' })).toMatchObject({
      disabled: true,
    });
  });
});
