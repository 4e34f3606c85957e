import { generateDemo, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyCommand } from '../define.js';
import { execute } from '../execute.js';
import { addBelongings, listBelongings, recordCustodyEvent } from './index.js';

const officer = { name: 'test-officer', role: 'movement-officer' as Role };
const demo = generateDemo({ people: 40 });
const owner = demo.persons[0]!.id;
const at = (h: number) => `2031-06-30T${String(h).padStart(2, '0')}:00:00+03:00`;

const run = (store: Store, command: unknown, input: unknown, who = officer) =>
  execute(command as AnyCommand, { actor: { ...who, via: 'api' }, store, now: new Date() }, input);

describe.each(backends)('custody commands on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, officer);
    await run(store, addBelongings, {
      personId: owner,
      items: [{ id: 'B-1', category: 'laptop', description: 'grey laptop, stickers' }],
    });
  }, 180_000);
  afterEach(async () => close());

  it('appends events in the state machine’s order and refuses others, writing nothing', async () => {
    const event = (kind: string, h: number, more = {}) =>
      run(store, recordCustodyEvent, { itemId: 'B-1', kind, at: at(h), ...more });
    await event('packed', 5);
    await event('confiscated', 6, { by: 'checkpoint guard', receipt: 'none given' });
    const audit = (await store.audit.events()).length;
    await expect(event('packed', 7)).rejects.toThrow(
      /no custody event written: custody event #1 \(B-1\): kind packed cannot come after confiscated/,
    );
    await expect(event('returned', 4)).rejects.toThrow(/at .* is before the item's previous event/);
    await expect(event('handed-over', 8)).rejects.toThrow(
      /invalid input for custody\.recordEvent at to: a hand-over names to whom/,
    );
    await expect(
      run(store, recordCustodyEvent, { itemId: 'B-404', kind: 'packed', at: at(7) }),
    ).rejects.toThrow(/itemId B-404 is not a recorded belonging/);
    expect((await store.audit.events()).length).toBe(audit);
    const [laptop] = (await run(store, listBelongings, { personId: owner })) as {
      status: string;
      events: { detail: unknown }[];
    }[];
    expect(laptop!.status).toBe('confiscated');
    expect(laptop!.events[1]!.detail).toMatchObject({ by: 'checkpoint guard' });
    // An auditor reads the chain but not its details.
    const [seen] = (await run(
      store,
      listBelongings,
      { personId: owner },
      {
        name: 'a',
        role: 'auditor',
      },
    )) as { description: unknown; events: { detail: unknown }[] }[];
    expect([seen!.description, ...seen!.events.map((e) => e.detail)]).toEqual([null, null, null]);
  });
});
