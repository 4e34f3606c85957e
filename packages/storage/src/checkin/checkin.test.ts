import { generateDemo, type CheckinStatus } from '@corridor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { backends } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const officer = { name: 'gate-officer', role: 'movement-officer' };
const demo = generateDemo({ people: 150, seed: 6 });
const sizeOf = (id: string) => demo.persons.filter((p) => p.householdId === id).length;
const singles = demo.households.filter((h) => sizeOf(h.id) === 1).slice(0, 4);
const family = demo.households.find((h) => sizeOf(h.id) === 3)!;
const booked = [...singles, family];
const person = (householdId: string, k = 0) =>
  demo.persons.filter((p) => p.householdId === householdId)[k]!.id;
const [p1, p2, p3, p4] = singles.map((h) => person(h.id));
const movementId = 'M-900';

/** A station's database: the same registry, one movement and a timetable that books five cases. */
async function station(store: Store): Promise<void> {
  await store.registry.createOperation(demo, admin);
  await store.movements.add(
    [
      {
        id: movementId,
        kind: 'charter',
        origin: 'BGW',
        destinationId: demo.destinations[0]!.id,
        arrivalAirport: 'TIA',
        departAt: '2031-06-30T05:00:00+03:00',
        timezone: 'Asia/Baghdad',
        seats: 12,
        baggageKg: 12 * 23,
        status: 'confirmed',
      },
    ],
    admin,
    new Date('2030-01-01T00:00:00Z'),
  );
  await store.plans.save(
    {
      kind: 'timetable',
      params: {},
      summary: {},
      assignments: booked.map((h) => ({
        householdId: h.id,
        destinationId: demo.destinations[0]!.id,
        movementId,
        locked: false,
        reason: 'test',
      })),
    },
    admin,
  );
  await store.db
    .updateTable('households')
    .set({ status: 'scheduled' })
    .where(
      'id',
      'in',
      booked.map((h) => h.id),
    )
    .execute();
}

const mark = (store: Store, personId: string, status: CheckinStatus, stationId: string) =>
  store.checkin.record({ movementId, personId, status, station: stationId }, officer);

describe.each(backends)('check-in on $name', (backend) => {
  let a: Store;
  let b: Store;
  let closeA: () => Promise<void>;
  let closeB: () => Promise<void>;

  beforeEach(async () => {
    ({ store: a, close: closeA } = await backend.fresh());
    ({ store: b, close: closeB } = await backend.fresh());
    await station(a);
    await station(b);
  });
  afterEach(async () => {
    await closeA();
    await closeB();
  });

  it('records statuses, moves households along the workflow and frees no-show seats', async () => {
    expect((await a.checkin.list(movementId)).map((r) => r.status)).toEqual(
      Array(booked.reduce((n, h) => n + sizeOf(h.id), 0)).fill('booked'),
    );
    const checked = await mark(a, p1!, 'checked-in', 'gate-a');
    expect(checked.event).toMatchObject({ station: 'gate-a', seq: 1, status: 'checked-in' });
    expect(checked.householdMoves).toEqual([
      { householdId: singles[0]!.id, from: 'scheduled', to: 'checked-in', done: true },
    ]);
    const boarded = await mark(a, p1!, 'boarded', 'gate-a');
    expect(boarded.householdMoves).toEqual([
      { householdId: singles[0]!.id, from: 'checked-in', to: 'departed', done: true },
    ]);
    const view = await a.registry.household(singles[0]!.id);
    expect(view?.status).toBe('departed');
    expect(view?.history.at(-1)).toMatchObject({
      from: 'checked-in',
      to: 'departed',
      actor: 'gate-officer',
    });
    await expect(mark(a, p1!, 'boarded', 'gate-a')).rejects.toThrow(/already boarded/);
    await mark(a, p2!, 'no-show', 'gate-a');
    const summary = await a.checkin.summary(movementId);
    expect(summary).toMatchObject({ seats: 12, booked: 7, boarded: 1, noShow: 1, seatsFree: 6 });
    expect(summary.noShows).toEqual([{ personId: p2, householdId: singles[1]!.id }]);
    // One member of three checks in: the family is checked in; the household is not departed until all board.
    const members = [0, 1, 2].map((k) => person(family.id, k));
    await mark(a, members[0]!, 'boarded', 'gate-a');
    expect((await a.registry.household(family.id))?.status).toBe('checked-in');
    await mark(a, members[1]!, 'boarded', 'gate-a');
    const last = await mark(a, members[2]!, 'boarded', 'gate-a');
    expect(last.householdMoves.at(-1)).toMatchObject({ to: 'departed', done: true });
    await expect(mark(a, demo.persons.at(-1)!.id, 'boarded', 'gate-a')).rejects.toThrow(
      /is not on movement M-900/,
    );
    await expect(
      a.checkin.record(
        { movementId, personId: p3!, status: 'boarded' },
        { name: 'p', role: 'planner' },
      ),
    ).rejects.toThrow(/may not record check-ins/);
    const actions = (await a.audit.events()).map((e) => e.action);
    expect(actions.filter((x) => x === 'checkin.record')).toHaveLength(6);
    expect(actions.filter((x) => x === 'case.move').length).toBeGreaterThanOrEqual(4);
    expect((await a.audit.verify()).ok).toBe(true);
  });

  it('merges two offline stations without losing a record and surfaces their conflict', async () => {
    await mark(a, p1!, 'checked-in', 'gate-a');
    await mark(a, p1!, 'boarded', 'gate-a');
    await mark(a, p2!, 'checked-in', 'gate-a');
    await mark(a, p3!, 'no-show', 'gate-a');
    await mark(b, p3!, 'boarded', 'gate-b');
    await mark(b, p4!, 'checked-in', 'gate-b');
    await mark(b, p2!, 'boarded', 'gate-b');
    const logA = await a.checkin.exportLog('gate-a');
    const logB = await b.checkin.exportLog('gate-b');
    expect(logA.events).toHaveLength(4);
    const intoB = await b.checkin.merge(JSON.parse(JSON.stringify(logA)), officer);
    const intoA = await a.checkin.merge(JSON.parse(JSON.stringify(logB)), officer);
    expect(intoB).toMatchObject({ received: 4, added: 4, alreadyHad: 0, stations: ['gate-a'] });
    expect(intoA).toMatchObject({ received: 3, added: 3, alreadyHad: 0 });
    const key = (e: { station: string; seq: number; status: string }) =>
      `${e.station}#${e.seq}:${e.status}`;
    const all = [...logA.events, ...logB.events].map(key).sort();
    expect((await a.checkin.events()).map(key).sort()).toEqual(all);
    expect((await b.checkin.events()).map(key).sort()).toEqual(all);
    for (const s of [a, b]) {
      const conflicts = await s.checkin.conflicts();
      expect(conflicts.map((c) => c.personId)).toEqual([p3]);
      expect(conflicts[0]!.records.map((r) => `${r.station}:${r.status}`)).toEqual([
        'gate-a:no-show',
        'gate-b:boarded',
      ]);
      const rows = await s.checkin.list(movementId);
      const status = (id: string) => rows.find((r) => r.personId === id)?.status;
      expect([status(p1!), status(p2!), status(p3!), status(p4!)]).toEqual([
        'boarded',
        'boarded',
        'conflict',
        'checked-in',
      ]);
    }
    expect(intoB.conflicts.map((c) => c.personId)).toEqual([p3]);
    // Merging again adds nothing; a conflict blocks new records until someone decides.
    expect(await b.checkin.merge(logA, officer)).toMatchObject({ added: 0, alreadyHad: 4 });
    await expect(mark(a, p3!, 'checked-in', 'gate-a')).rejects.toThrow(/stations disagree/);
    const decided = await a.checkin.resolve(
      {
        movementId,
        personId: p3!,
        status: 'boarded',
        station: 'gate-a',
        note: 'seen on board by the purser',
      },
      officer,
    );
    expect(decided.event.supersedes).toEqual({ 'gate-a': 4, 'gate-b': 1 });
    expect(decided.state.status).toBe('boarded');
    expect(await a.checkin.conflicts()).toEqual([]);
    // The decision travels with the log and settles the conflict at the other station too.
    await b.checkin.merge(await a.checkin.exportLog('gate-a'), officer);
    expect(await b.checkin.conflicts()).toEqual([]);
    expect((await b.checkin.list(movementId)).find((r) => r.personId === p3)?.status).toBe(
      'boarded',
    );
    expect((await b.checkin.events()).length).toBe(8);
  });

  it('refuses damaged logs and two devices using one station id, and keeps what it had', async () => {
    await mark(a, p1!, 'checked-in', 'gate-a');
    const log = await a.checkin.exportLog('gate-a');
    const edited = { ...log, events: log.events.map((e) => ({ ...e, status: 'no-show' })) };
    await expect(b.checkin.merge(edited, officer)).rejects.toThrow(/checksum/);
    await expect(b.checkin.merge({ format: 'x' }, officer)).rejects.toThrow(/cannot be merged/);
    await mark(b, p1!, 'no-show', 'gate-a');
    await expect(b.checkin.merge(log, officer)).rejects.toThrow(
      /each station id must belong to one device/,
    );
    expect((await b.checkin.events()).map((e) => `${e.station}:${e.status}`)).toEqual([
      'gate-a:no-show',
    ]);
    // Records that came by merge belong to their device: this one may not add to that station.
    await mark(a, p2!, 'checked-in', 'gate-c');
    await b.checkin.merge(await a.checkin.exportLog('gate-c'), officer);
    await expect(mark(b, p2!, 'boarded', 'gate-c')).rejects.toThrow(/records on another device/);
    expect((await a.checkin.exportLog()).events).toHaveLength(2);
    const own = await a.checkin.station();
    expect(own).toMatch(/^station-[0-9a-f]{6}$/);
    expect(await a.checkin.station()).toBe(own);
    expect(
      (await a.checkin.record({ movementId, personId: p4!, status: 'checked-in' }, officer)).event
        .station,
    ).toBe(own);
  });
});
