/** Fixtures for the user and person commands' writes. */
import { Readable } from 'node:stream';
import type { Role } from '@corridor/core';
import { seeder, type FixtureGroup } from './fixture.js';

const password = 'a long enough password';
/** A username from the fixture key (lower case, as usernames must be). */
const username = (k: string) => `u-${k.toLowerCase()}`;
/** The acting role a fixture key names: `PROTECTION-OFFICER-CLI` → protection-officer. */
const roleOf = (k: string) => k.toLowerCase().replace(/-(cli|api)$/, '') as Role;

/**
 * In `corridor user add`, `--role` names the NEW account's role (the test appends the acting role
 * there, a valid account role); the CLI acts in $CORRIDOR_ROLE, which `prepare` sets to that role.
 */
function actIn(k: string): void {
  process.env.CORRIDOR_ROLE = roleOf(k);
  // The in-process CLI reads the password from this process's standard input.
  Object.defineProperty(process, 'stdin', {
    value: Readable.from([Buffer.from(`${password}\n`)]),
    configurable: true,
    writable: true,
  });
}

/** The user and person commands' fixtures. */
export const userFixtures: FixtureGroup = {
  fixtures: {
    'user.add': {
      prepare: async (_store, k) => actIn(k),
      cli: (k) => ['user', 'add', username(k), '--password-stdin'],
      api: (k) => ({
        method: 'POST',
        url: '/api/users',
        payload: { username: username(k), role: 'planner', password },
      }),
    },
    'user.setPassword': {
      async prepare(store, k) {
        actIn(k);
        await store.users.add(
          { username: `p-${k.toLowerCase()}`, role: 'planner', passwordHash: 'x' },
          seeder,
        );
      },
      cli: (k) => ['user', 'password', `p-${k.toLowerCase()}`, '--password-stdin'],
      api: (k) => ({
        method: 'POST',
        url: `/api/users/p-${k.toLowerCase()}/password`,
        payload: { password },
      }),
    },
    'user.disable': {
      async prepare(store, k) {
        delete process.env.CORRIDOR_ROLE;
        await store.users.add(
          { username: `d-${k.toLowerCase()}`, role: 'planner', passwordHash: 'x' },
          seeder,
        );
      },
      cli: (k) => ['user', 'disable', `d-${k.toLowerCase()}`],
      api: (k) => ({
        method: 'POST',
        url: `/api/users/d-${k.toLowerCase()}/disable`,
        payload: {},
      }),
    },
    'person.erase': {
      prepare: async () => {
        delete process.env.CORRIDOR_ROLE;
      },
      cli: (k) => ['person', 'erase', personFor(k)],
      api: (k) => ({ method: 'POST', url: `/api/persons/${personFor(k)}/erase`, payload: {} }),
    },
  },
};

/** A different person for each call (the demo of the role test has 40), erased at most once. */
const used = new Map<string, string>();
let persons: string[] = [];
function personFor(k: string): string {
  if (!used.has(k)) used.set(k, persons[used.size] ?? 'P-none');
  return used.get(k)!;
}

userFixtures.setup = async (store) => {
  const snapshot = await store.registry.snapshot();
  persons = snapshot.persons.map((p) => p.id).reverse();
};
