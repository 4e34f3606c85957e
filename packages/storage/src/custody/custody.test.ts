import { generateDemo, generateDemoBelongings, type CustodyEventInput } from '@corridor/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const officer = { name: 'test-officer', role: 'movement-officer' };
const demo = generateDemo({ people: 40 });
const owner = demo.persons[0]!.id;

const at = (h: number) => `2031-06-30T${String(h).padStart(2, '0')}:00:00+03:00`;
const event = (kind: CustodyEventInput['kind'], h: number, more = {}): CustodyEventInput => ({
  itemId: 'B-1',
  kind,
  at: at(h),
  ...more,
});

describe.each(backends)('belongings and custody on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(demo, officer);
    await store.custody.addItems(
      [
        { id: 'B-1', personId: owner, category: 'laptop', description: 'grey laptop, stickers' },
        { id: 'B-2', personId: owner, category: 'phone', description: 'phone' },
      ],
      officer,
    );
    await store.custody.addEvents(
      [
        event('packed', 5),
        event('confiscated', 6, {
          by: 'checkpoint guard',
          witness: 'liaison officer',
          place: 'exit gate',
          receipt: 'none given',
        }),
        event('returned', 9),
        { itemId: 'B-2', kind: 'packed', at: at(5) },
      ],
      officer,
    );
  });
  afterEach(async () => close());

  it('keeps a chain per item with details sealed, and verifies it', async () => {
    const [laptop, phone] = await store.custody.items(owner);
    expect(laptop!.status).toBe('returned');
    expect(laptop!.events.map((e) => e.kind)).toEqual(['packed', 'confiscated', 'returned']);
    // Shown in the operation's time zone (the camp's local time), as the officer wrote them.
    expect(laptop!.events.map((e) => e.at)).toEqual([at(5), at(6), at(9)]);
    expect(laptop!.events[1]!.detail).toMatchObject({
      by: 'checkpoint guard',
      receipt: 'none given',
    });
    expect(laptop!.events[1]!.prevHash).toBe(laptop!.events[0]!.hash);
    expect(phone!.events[0]!.prevHash).not.toBe(laptop!.events[0]!.prevHash);
    const raw = await sql<{
      t: string;
    }>`select string_agg(c::text, '|') as t from custody_events c`.execute(store.db);
    expect(raw.rows[0]!.t).not.toContain('checkpoint guard');
    expect(await store.custody.verify()).toEqual({ ok: true, items: 2, events: 4 });
  });

  it('refuses unknown-item and incomplete events, writing none of the batch', async () => {
    // The order of events (the custody state machine) is the custody.recordEvent command's rule.
    const bad = [
      { itemId: 'B-2', kind: 'handed-over', at: at(6), to: 'porter' } as const,
      { itemId: 'B-404', kind: 'packed', at: at(7) } as const,
      { itemId: 'B-2', kind: 'confiscated', at: at(8) } as const,
    ];
    await expect(store.custody.addEvents(bad.slice(0, 2), officer)).rejects.toThrow(
      /#2 \(B-404\): itemId B-404 is not a recorded belonging/,
    );
    await expect(store.custody.addEvents([bad[2]!], officer)).rejects.toThrow(
      /by a confiscation names by whom/,
    );
    const [, phone] = await store.custody.items(owner);
    expect(phone!.events).toHaveLength(1);
    expect(await store.custody.heads(['B-1', 'B-2', 'B-404'])).toEqual(
      new Map([
        ['B-1', { kind: 'returned', at: new Date(at(9)).toISOString() }],
        ['B-2', { kind: 'packed', at: new Date(at(5)).toISOString() }],
      ]),
    );
    await expect(
      store.custody.addItems(
        [{ id: 'B-3', personId: 'P-404', category: 'radio', description: '' }],
        officer,
      ),
    ).rejects.toThrow(/personId P-404 is not a registered person/);
  });

  it('keeps chains verifiable after the owner is erased, with details unreadable', async () => {
    await store.registry.erasePerson(owner, { name: 'po', role: 'protection-officer' });
    const [laptop] = await store.custody.items(owner);
    expect(laptop!.description).toBeNull();
    expect(laptop!.events.map((e) => [e.kind, e.detail])).toEqual([
      ['packed', null],
      ['confiscated', null],
      ['returned', null],
    ]);
    expect((await store.custody.verify()).ok).toBe(true);
    await expect(store.custody.addEvents([event('arrived', 12)], officer)).rejects.toThrow(
      /the owner's personal data was erased/,
    );
  });

  it('chains events written at the same time to one item one after the other', async () => {
    const hand = (h: number, to: string) => event('handed-over', h, { to });
    const porters = ['driver', 'porter', 'guard', 'nurse', 'cook', 'clerk'];
    await Promise.all(porters.map((p) => store.custody.addEvents([hand(10, p)], officer)));
    const [laptop] = await store.custody.items(owner);
    expect(laptop!.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(laptop!.events[8]!.prevHash).toBe(laptop!.events[7]!.hash);
    expect((await store.custody.verify()).ok).toBe(true);
  });

  it('detects an edited event, a removed last event and an edited item', async () => {
    await sql`update custody_events set kind = 'returned' where item_id = 'B-2' and seq = 1`.execute(
      store.db,
    );
    let verdict = await store.custody.verify();
    expect(verdict.ok).toBe(false);
    expect(JSON.stringify(verdict)).toContain(
      'custody event B-2#1 was changed after it was written',
    );
    await sql`update custody_events set kind = 'packed' where item_id = 'B-2' and seq = 1`.execute(
      store.db,
    );
    expect((await store.custody.verify()).ok).toBe(true);
    await sql`delete from custody_events where item_id = 'B-1' and seq = 3`.execute(store.db);
    verdict = await store.custody.verify();
    expect(JSON.stringify(verdict)).toMatch(/wrote 4 rows; 3 remain/);
    await sql`delete from custody_events where item_id = 'B-1' and seq = 1`.execute(store.db);
    expect(JSON.stringify(await store.custody.verify())).toContain('B-1#1 is missing (next is #2)');
    await sql`update belongings set category = 'radio' where id = 'B-2'`.execute(store.db);
    expect(JSON.stringify(await store.custody.verify())).toContain('belonging B-2 was changed');
  });

  it("writes the demo's few hundred confiscations in batches and verifies them", async () => {
    const { items, events } = generateDemoBelongings(demo.persons);
    await store.custody.addItems(items, officer);
    await store.custody.addEvents(events, officer);
    const all = await store.custody.items();
    expect(
      all.filter((i) => i.id.startsWith('B-0') && i.events.some((e) => e.kind === 'confiscated'))
        .length,
    ).toBe(items.length);
    expect((await store.custody.verify()).ok).toBe(true);
  });
});
