/**
 * Check-in notes are sealed (issue 20): the table holds no note in clear, roles that read check-ins
 * still see it, a key rotation re-wraps its secret, and erasing the person leaves '(erased)'.
 */
import { checkinKey, foldCheckins, generateDemo, generateDemoMovements } from '@corridor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends.js';
import { erasedText } from '../registry/sealed-text.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 40, seed: 27 });
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe.each(backends)('check-in notes on $name', (backend) => {
  it('are sealed in the table, read back, kept through a rotation and gone with an erasure', async () => {
    const { store, close } = await backend.fresh();
    cleanups.push(close);
    await store.registry.createOperation(demo, admin);
    const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
    await store.movements.add([movement!], admin);
    const [kept, erased] = demo.persons.filter((p) => !p.isHead);
    const note = (id: string) => `left her insulin at the gate, ${id}`;
    for (const p of [kept!, erased!])
      await store.checkin.append(
        {
          movementId: movement!.id,
          personId: p.id,
          status: 'checked-in',
          note: note(p.id),
          supersedes: null,
        },
        admin,
      );
    // Without a note nothing is sealed.
    await store.checkin.append(
      {
        movementId: movement!.id,
        personId: kept!.id,
        status: 'boarded',
        note: null,
        supersedes: null,
      },
      admin,
    );
    const rows = await store.db
      .selectFrom('checkin_events')
      .select(['seq', 'note', 'note_sealed', 'note_key', 'item_id', 'station'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.note)).toEqual([null, null, null]);
    expect(rows.map((r) => r.note_key !== null)).toEqual([true, true, false]);
    expect(rows[0]!.item_id).toBe(`${rows[0]!.station}:${rows[0]!.seq}`);
    for (const r of rows.slice(0, 2))
      expect(Buffer.from(r.note_sealed!).includes(Buffer.from('insulin'))).toBe(false);

    const notes = async () =>
      (await store.checkin.events({ movementId: movement!.id })).map((e) => [e.personId, e.note]);
    expect(await notes()).toEqual([
      [kept!.id, note(kept!.id)],
      [erased!.id, note(erased!.id)],
      [kept!.id, null],
    ]);

    const rotation = await store.keys.rotate();
    expect(rotation.rewrapped).toBeGreaterThan(demo.persons.length + 1);
    const rewrapped = await store.db
      .selectFrom('checkin_events')
      .select('note_key')
      .where('seq', '=', rows[0]!.seq)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(rewrapped.note_key!).equals(Buffer.from(rows[0]!.note_key!))).toBe(false);

    await store.registry.erasePerson(erased!.id, admin, { now: true });
    expect(await notes()).toEqual([
      [kept!.id, note(kept!.id)],
      [erased!.id, erasedText],
      [kept!.id, null],
    ]);
    // The folded state still counts the erased person's check-in (an aggregate, not a value).
    const states = foldCheckins(await store.checkin.events({ movementId: movement!.id }));
    expect(states.get(checkinKey(movement!.id, erased!.id))?.status).toBe('checked-in');
  }, 120_000);
});
