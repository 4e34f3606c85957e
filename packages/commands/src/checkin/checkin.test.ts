import { generateDemo, roles, type CheckinStatus, type Role } from '@corridor/core';
import { openStore, type Store } from '@corridor/storage';
import { backends, testEnv, type Backend } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyCommand } from '../define.js';
import { execute } from '../execute.js';
import {
  allowSplit,
  checkinDesk,
  checkinSummary,
  exportCheckinLog,
  listCheckin,
  listCheckinConflicts,
  mergeCheckinLog,
  recordCheckin,
  resolveCheckin,
} from './index.js';
import { logChecksum } from './log.js';

const admin = { name: 'test-admin', role: 'admin' as Role };
const officer = { name: 'gate-officer', role: 'movement-officer' as Role };
const protection = { name: 'protection', role: 'protection-officer' as Role };
const demo = generateDemo({ people: 150, seed: 6 });
const sizeOf = (id: string) => demo.persons.filter((p) => p.householdId === id).length;
const singles = demo.households.filter((h) => sizeOf(h.id) === 1).slice(0, 4);
const family = demo.households.find((h) => sizeOf(h.id) === 3)!;
const booked = [...singles, family];
const person = (householdId: string, k = 0) =>
  demo.persons.filter((p) => p.householdId === householdId)[k]!.id;
const [p1, p2, p3, p4] = singles.map((h) => person(h.id));
const movementId = 'M-900';

/** Runs a command as `who` on `store`, the way every interface does. */
function run<T = never>(
  store: Store,
  who: { name: string; role: Role },
  command: unknown,
  input: unknown,
): Promise<T> {
  return execute(
    command as AnyCommand,
    { actor: { ...who, via: 'cli' }, store, now: new Date() },
    input,
  ) as Promise<T>;
}

type Result = Awaited<ReturnType<typeof recordCheckin.run>> & {
  state: { status: CheckinStatus | null };
};
type Log = Awaited<ReturnType<typeof exportCheckinLog.run>>;
type Rows = Awaited<ReturnType<typeof listCheckin.run>>;
type Conflicts = Awaited<ReturnType<typeof listCheckinConflicts.run>>;
type Merged = Awaited<ReturnType<typeof mergeCheckinLog.run>>;

/** A station's database: the same registry, one movement and a timetable that books five cases. */
async function station(store: Store, households = booked): Promise<void> {
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
  );
  await store.plans.save(
    {
      kind: 'timetable',
      params: {},
      summary: {},
      assignments: households.map((h) => ({
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
      households.map((h) => h.id),
    )
    .execute();
}

const mark = (store: Store, personId: string, status: CheckinStatus, stationId: string) =>
  run<Result>(store, officer, recordCheckin, { movementId, personId, status, station: stationId });
const exportLog = (store: Store, stationId?: string) =>
  run<Log>(store, officer, exportCheckinLog, stationId ? { station: stationId } : {});
const merge = (store: Store, log: unknown, who = officer) =>
  run<Merged>(store, who, mergeCheckinLog, { log });
const rows = (store: Store) => run<Rows>(store, officer, listCheckin, { movementId });
const conflicts = (store: Store) => run<Conflicts>(store, officer, listCheckinConflicts, {});

describe.each(backends)('check-in commands on $name', (backend) => {
  let a: Store;
  let b: Store;
  let closeA: () => Promise<void>;
  let closeB: () => Promise<void>;

  beforeEach(async () => {
    ({ store: a, close: closeA } = await backend.fresh());
    ({ store: b, close: closeB } = await backend.fresh());
    await station(a);
    await station(b);
  }, 180_000);
  afterEach(async () => {
    await closeA();
    await closeB();
  });

  it('records statuses, moves households along the workflow and frees no-show seats', async () => {
    expect((await rows(a)).map((r) => r.status)).toEqual(
      Array(booked.reduce((n, h) => n + sizeOf(h.id), 0)).fill('booked'),
    );
    const checked = await mark(a, p1!, 'checked-in', 'gate-a');
    expect(checked.event).toMatchObject({ station: 'gate-a', seq: 1, status: 'checked-in' });
    expect(checked.status).toBe('checked-in');
    expect(checked.state.status).toBe('checked-in');
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
    const summary = await run<{ noShows: unknown[] }>(a, officer, checkinSummary, { movementId });
    expect(summary).toMatchObject({ seats: 12, booked: 7, boarded: 1, noShow: 1, seatsFree: 6 });
    expect(summary.noShows).toEqual([{ personId: p2, householdId: singles[1]!.id }]);
    // A family boards together: not one member while the others are not at the desk.
    const members = [0, 1, 2].map((k) => person(family.id, k));
    await expect(mark(a, members[0]!, 'boarded', 'gate-a')).rejects.toThrow(
      new RegExp(`case ${family.id} travels together: ${members[1]} is not checked in`),
    );
    await mark(a, members[0]!, 'checked-in', 'gate-a');
    await mark(a, members[1]!, 'checked-in', 'gate-a');
    await mark(a, members[2]!, 'no-show', 'gate-a');
    await expect(mark(a, members[0]!, 'boarded', 'gate-a')).rejects.toThrow(
      `${members[2]} is no-show`,
    );
    await mark(a, members[2]!, 'checked-in', 'gate-a');
    // All at the desk: they board one by one; the household is not departed until all have.
    await mark(a, members[0]!, 'boarded', 'gate-a');
    expect((await a.registry.household(family.id))?.status).toBe('checked-in');
    await mark(a, members[1]!, 'boarded', 'gate-a');
    const last = await mark(a, members[2]!, 'boarded', 'gate-a');
    expect(last.householdMoves.at(-1)).toMatchObject({ to: 'departed', done: true });
    await expect(mark(a, demo.persons.at(-1)!.id, 'boarded', 'gate-a')).rejects.toThrow(
      /is not on movement M-900/,
    );
    await expect(
      run(a, { name: 'p', role: 'planner' }, recordCheckin, {
        movementId,
        personId: p3!,
        status: 'boarded',
      }),
    ).rejects.toThrow(/role planner may not movement\.checkin/);
    const actions = (await a.audit.events()).map((e) => e.action);
    expect(actions.filter((x) => x === 'checkin.record')).toHaveLength(10);
    expect(actions.filter((x) => x === 'case.move').length).toBeGreaterThanOrEqual(4);
    expect((await a.audit.verify()).ok).toBe(true);
  });

  it('boards a family apart only when a protection officer allows it, the reason sealed in its history', async () => {
    const members = [0, 1, 2].map((k) => person(family.id, k));
    await mark(a, members[0]!, 'checked-in', 'gate-a');
    await mark(a, members[1]!, 'checked-in', 'gate-a');
    await mark(a, members[2]!, 'no-show', 'gate-a');
    await expect(mark(a, members[0]!, 'boarded', 'gate-a')).rejects.toThrow(/travels together/);
    const input = { movementId, caseId: family.id, reason: 'the child stays in hospital with her' };
    await expect(run(a, officer, allowSplit, input)).rejects.toMatchObject({ status: 403 });
    await expect(
      run(a, protection, allowSplit, { ...input, caseId: singles[0]!.id, movementId: 'M-404' }),
    ).rejects.toMatchObject({ status: 404 });
    const allowed = await run<{ apart: { personId: string; status: string }[] }>(
      a,
      protection,
      allowSplit,
      input,
    );
    expect(allowed.apart).toEqual([{ personId: members[2], status: 'no-show' }]);
    await mark(a, members[0]!, 'boarded', 'gate-a');
    await mark(a, members[1]!, 'boarded', 'gate-a');
    const view = await a.registry.household(family.id);
    const line = view?.history.find(
      (h) => h.change === `may travel apart on movement ${movementId}`,
    );
    expect(line).toMatchObject({ actor: 'protection', role: 'protection-officer' });
    expect(line?.reason).toBe(input.reason);
    const raw = await a.db.selectFrom('case_history').select(['reason']).execute();
    expect(raw.some((r) => r.reason.includes('hospital'))).toBe(false);
    expect((await a.audit.events(0, 1000)).at(-3)).toMatchObject({
      action: 'checkin.allow-split',
      detail: { change: `may travel apart on movement ${movementId}` },
    });
  });

  it('answers the desk in one shape: counts with no-shows, rows with names by role', async () => {
    await mark(a, p2!, 'no-show', 'gate-a');
    type Desk = { summary: { noShows: unknown[] }; persons: { name: string | null }[] };
    const desk = await run<Desk>(a, officer, checkinDesk, { movementId });
    expect(desk.summary.noShows).toHaveLength(1);
    expect(desk.persons).toHaveLength(7);
    expect(desk.persons.every((p) => typeof p.name === 'string' && p.name.length > 0)).toBe(true);
    const hidden = await run<Desk>(a, { name: 'r', role: 'registrar' }, checkinDesk, {
      movementId,
    });
    expect(hidden.persons).toHaveLength(7);
    await expect(
      run(a, { name: 'aud', role: 'auditor' }, checkinDesk, { movementId }),
    ).rejects.toThrow(/role auditor may not movement\.readCheckin/);
  });

  it('takes one station-id rule everywhere and refuses a bad one before writing', async () => {
    expect((await mark(a, p1!, 'checked-in', 'desk.1')).event.station).toBe('desk.1');
    await expect(mark(a, p2!, 'checked-in', 'desk 2')).rejects.toThrow(
      /invalid input for checkin\.record at station/,
    );
    expect((await a.checkin.events()).map((e) => e.station)).toEqual(['desk.1']);
  });

  it('keeps a merged boarding of part of a household and lists it for a protection officer', async () => {
    const members = [0, 1, 2].map((k) => person(family.id, k));
    // Allowed at the other gate only: this database has no permission for the split.
    await run(b, protection, allowSplit, {
      movementId,
      caseId: family.id,
      reason: 'allowed at the other gate',
    });
    await mark(b, members[0]!, 'checked-in', 'gate-b');
    await mark(b, members[0]!, 'boarded', 'gate-b');
    await mark(a, members[1]!, 'checked-in', 'gate-a');
    const merged = await merge(a, await exportLog(b, 'gate-b'));
    expect(merged).toMatchObject({ added: 2, conflicts: [] });
    expect(merged.boardedApart).toHaveLength(1);
    const [apart] = merged.boardedApart;
    expect(apart).toMatchObject({ movementId, householdId: family.id, personId: members[0] });
    const others = apart!.apart.map((m) => m.personId);
    expect(others).toContain(members[2]);
    expect(others).not.toContain(members[1]);
    expect(others).not.toContain(members[0]);
    expect(new Set(apart!.apart.map((m) => m.status))).toEqual(new Set(['not checked in']));
    // The record is kept as every merged record is.
    expect((await rows(a)).find((r) => r.personId === members[0])?.status).toBe('boarded');
    // Where the split was allowed, the same boarding is not listed.
    const here = await merge(b, await exportLog(a, 'gate-a'));
    expect(here.boardedApart).toEqual([]);
  });

  it('merges two offline stations without losing a record and surfaces their conflict', async () => {
    await mark(a, p1!, 'checked-in', 'gate-a');
    await mark(a, p1!, 'boarded', 'gate-a');
    await mark(a, p2!, 'checked-in', 'gate-a');
    await mark(a, p3!, 'no-show', 'gate-a');
    await mark(b, p3!, 'boarded', 'gate-b');
    await mark(b, p4!, 'checked-in', 'gate-b');
    await mark(b, p2!, 'boarded', 'gate-b');
    const logA = await exportLog(a, 'gate-a');
    const logB = await exportLog(b, 'gate-b');
    expect(logA.events).toHaveLength(4);
    const intoB = await merge(b, JSON.parse(JSON.stringify(logA)));
    const intoA = await merge(a, JSON.parse(JSON.stringify(logB)));
    expect(intoB).toMatchObject({ received: 4, added: 4, alreadyHad: 0, stations: ['gate-a'] });
    expect(intoA).toMatchObject({ received: 3, added: 3, alreadyHad: 0, boardedApart: [] });
    const key = (e: { station: string; seq: number; status: string }) =>
      `${e.station}#${e.seq}:${e.status}`;
    const all = [...logA.events, ...logB.events].map(key).sort();
    expect((await a.checkin.events()).map(key).sort()).toEqual(all);
    expect((await b.checkin.events()).map(key).sort()).toEqual(all);
    for (const s of [a, b]) {
      const open = await conflicts(s);
      expect(open.map((c) => c.personId)).toEqual([p3]);
      expect(open[0]!.records.map((r) => `${r.station}:${r.status}`)).toEqual([
        'gate-a:no-show',
        'gate-b:boarded',
      ]);
      const list = await rows(s);
      const status = (id: string) => list.find((r) => r.personId === id)?.status;
      expect([status(p1!), status(p2!), status(p3!), status(p4!)]).toEqual([
        'boarded',
        'boarded',
        'conflict',
        'checked-in',
      ]);
    }
    expect(intoB.conflicts.map((c) => c.personId)).toEqual([p3]);
    // Merged records move households as check-in's system actor, not as the merging user.
    const moved = await b.registry.household(singles[0]!.id);
    expect(moved?.status).toBe('departed');
    expect(moved?.history.at(-1)).toMatchObject({
      to: 'departed',
      actor: expect.stringMatching(/^system:checkin-merge \(merged by gate-officer\)$/),
    });
    // Merging again adds nothing; a conflict blocks new records until someone decides.
    expect(await merge(b, logA)).toMatchObject({ added: 0, alreadyHad: 4 });
    await expect(mark(a, p3!, 'checked-in', 'gate-a')).rejects.toThrow(/stations disagree/);
    const decided = await run<Result>(a, officer, resolveCheckin, {
      movementId,
      personId: p3!,
      status: 'boarded',
      station: 'gate-a',
      note: 'seen on board by the purser',
    });
    expect(decided.event.supersedes).toEqual({ 'gate-a': 4, 'gate-b': 1 });
    expect(decided.state.status).toBe('boarded');
    expect(decided.status).toBe('boarded');
    expect(await conflicts(a)).toEqual([]);
    // The decision travels with the log and settles the conflict at the other station too.
    await merge(b, await exportLog(a, 'gate-a'));
    expect(await conflicts(b)).toEqual([]);
    expect((await rows(b)).find((r) => r.personId === p3)?.status).toBe('boarded');
    expect((await b.checkin.events()).length).toBe(8);
  });

  it('seals a record’s note; after its person’s erasure it reads (erased), and an old log merged again counts it as held', async () => {
    await run(a, officer, recordCheckin, {
      movementId,
      personId: p1!,
      status: 'checked-in',
      station: 'gate-a',
      note: 'carries her father’s heart medicine',
    });
    const stored = await a.db
      .selectFrom('checkin_events')
      .select(['note', 'note_sealed'])
      .executeTakeFirstOrThrow();
    expect(stored.note).toBeNull();
    expect(Buffer.from(stored.note_sealed!).includes(Buffer.from('medicine'))).toBe(false);
    const log = await exportLog(a, 'gate-a');
    expect(log.events[0]!.note).toBe('carries her father’s heart medicine');
    await a.registry.erasePerson(p1!, admin, { now: true });
    expect((await a.checkin.events())[0]!.note).toBe('(erased)');
    // The station device still holds the note: merging its log again neither clashes nor restores it.
    expect(await merge(a, JSON.parse(JSON.stringify(log)))).toMatchObject({
      added: 0,
      alreadyHad: 1,
    });
    expect((await a.checkin.events())[0]!.note).toBe('(erased)');
  });

  it('refuses damaged logs, records in a role that may not check in, and two devices on one station id', async () => {
    await mark(a, p1!, 'checked-in', 'gate-a');
    const log = await exportLog(a, 'gate-a');
    const edited = { ...log, events: log.events.map((e) => ({ ...e, status: 'no-show' })) };
    await expect(merge(b, edited)).rejects.toThrow(/checksum/);
    await expect(merge(b, { format: 'x' })).rejects.toThrow(
      /invalid input for checkin\.merge at log\.format/,
    );
    // A record made (or edited) in a role that may not record check-ins is refused, whole log.
    for (const role of roles.filter((r) => r !== 'admin' && r !== 'movement-officer')) {
      const events = log.events.map((e) => ({ ...e, role }));
      const forged = { ...log, events, sha256: logChecksum(events) };
      await expect(merge(b, forged, admin)).rejects.toThrow(
        new RegExp(`gate-a #1 were recorded in a role that may not record check-ins \\(${role}\\)`),
      );
    }
    expect(await b.checkin.events()).toEqual([]);
    await mark(b, p1!, 'no-show', 'gate-a');
    await expect(merge(b, log)).rejects.toThrow(/each station id must belong to one device/);
    expect((await b.checkin.events()).map((e) => `${e.station}:${e.status}`)).toEqual([
      'gate-a:no-show',
    ]);
    // Records that came by merge belong to their device: this one may not add to that station.
    await mark(a, p2!, 'checked-in', 'gate-c');
    await merge(b, await exportLog(a, 'gate-c'));
    await expect(mark(b, p2!, 'boarded', 'gate-c')).rejects.toThrow(/records on another device/);
    expect((await exportLog(a)).events).toHaveLength(2);
    const own = await a.checkin.station();
    expect(own).toMatch(/^station-[0-9a-f]{6}$/);
    expect(await a.checkin.station()).toBe(own);
    const mine = await run<Result>(a, officer, recordCheckin, {
      movementId,
      personId: p4!,
      status: 'checked-in',
    });
    expect(mine.event.station).toBe(own);
    const ownLog = await run<Log>(a, officer, exportCheckinLog, { scope: 'own' });
    expect(ownLog).toMatchObject({ station: own, events: [{ personId: p4 }] });
    await expect(run(a, { name: 'aud', role: 'auditor' }, exportCheckinLog, {})).rejects.toThrow(
      /role auditor may not movement\.exportCheckin/,
    );
  });
});

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

describe.each(backends)('two check-in desks at once on $name', (backend) => {
  it('check in the same movement from two stations without losing or doubling a record', async () => {
    const { a, b, close } = await twoWriters(backend);
    try {
      const cases = demo.households.slice(0, 6);
      await station(a, cases);
      const persons = cases.flatMap((h) =>
        demo.persons.filter((p) => p.householdId === h.id).map((p) => p.id),
      );
      // Both desks check in everyone at the same moment.
      const results = await Promise.allSettled(
        persons.flatMap((personId) => [
          run(a, officer, recordCheckin, {
            movementId,
            personId,
            status: 'checked-in',
            station: 'desk-1',
          }),
          run(b, officer, recordCheckin, {
            movementId,
            personId,
            status: 'checked-in',
            station: 'desk-2',
          }),
        ]),
      );
      const refused = results.filter((r) => r.status === 'rejected');
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(persons.length);
      expect(refused).toHaveLength(persons.length);
      for (const r of refused)
        expect((r as PromiseRejectedResult).reason).toMatchObject({
          id: 'invalid-transition',
          status: 409,
        });
      const events = await b.checkin.events({ movementId });
      expect(events).toHaveLength(persons.length);
      expect(new Set(events.map((e) => e.personId)).size).toBe(persons.length);
      expect((await rows(a)).every((r) => r.status === 'checked-in')).toBe(true);
      const statuses = await a.db
        .selectFrom('households')
        .select(['id', 'status'])
        .where(
          'id',
          'in',
          cases.map((h) => h.id),
        )
        .execute();
      expect(statuses.every((h) => h.status === 'checked-in')).toBe(true);
      const moves = await a.db
        .selectFrom('case_history')
        .select('household_id')
        .where(
          'household_id',
          'in',
          cases.map((h) => h.id),
        )
        .where('to_status', '=', 'checked-in')
        .execute();
      expect(moves).toHaveLength(cases.length);
      expect((await a.audit.verify()).ok).toBe(true);
    } finally {
      await close();
    }
  });
});
