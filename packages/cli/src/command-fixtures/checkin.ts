/** Fixtures for the check-in commands: a movement booking three cases not yet on the day's path. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLog } from '@corridor/commands';
import { buildTd3, checkinKey, foldCheckins, type CheckinStatus } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { seeder, type FixtureGroup } from './fixture.js';

const movementId = 'M-CHK';
/** Persons of three households: one is recorded, one decided on, one merged. */
const fx = { recorded: '', decided: '', merged: '', recordedCase: '' };
let nextStatus: CheckinStatus = 'checked-in';
const logs = new Map<string, { log: unknown; file: string }>();
const folder = mkdtempSync(join(tmpdir(), 'corridor-checkin-fixture-'));
/** A well-formed passport zone of nobody in the registry. */
const fixtureMrz = buildTd3({
  documentCode: 'P',
  issuer: 'UTO',
  surname: 'Nobody',
  givenNames: 'Registered',
  number: 'ZX0000001',
  nationality: 'UTO',
  birthDate: '1990-01-01',
  sex: 'F',
  expiryDate: '2035-01-01',
  personalNumber: '',
});

async function setup(store: Store): Promise<void> {
  // Cases elsewhere in the workflow: check-in moves none of them, so the last audit event of a
  // call is the command's own.
  const persons = await store.db
    .selectFrom('persons')
    .innerJoin('households', 'households.id', 'persons.household_id')
    .select(['persons.id as id', 'persons.household_id as household'])
    .where('persons.merged_into', 'is', null)
    .where('households.status', 'not in', ['scheduled', 'checked-in', 'departed', 'arrived'])
    .orderBy('persons.household_id')
    .orderBy('persons.id')
    .execute();
  const one = [...new Map(persons.map((p) => [p.household, p.id])).entries()].slice(0, 3);
  [fx.recorded, fx.decided, fx.merged] = one.map(([, id]) => id) as [string, string, string];
  fx.recordedCase = one[0]![0];
  await store.movements.add(
    [
      {
        id: movementId,
        kind: 'charter',
        origin: 'BGW',
        destinationId: null,
        arrivalAirport: null,
        departAt: '2031-06-30T05:00:00+03:00',
        timezone: 'Asia/Baghdad',
        seats: 100,
        baggageKg: 2300,
        status: 'confirmed',
      },
    ],
    seeder,
  );
  // Added to the current timetable, not in place of it: other fixtures use its movements.
  const households = new Set(one.map(([household]) => household));
  const kept = ((await store.plans.current('timetable'))?.assignments ?? []).filter(
    (a) => !households.has(a.householdId),
  );
  await store.plans.save(
    {
      kind: 'timetable',
      params: {},
      summary: {},
      assignments: [
        ...kept,
        ...one.map(([household]) => ({
          householdId: household,
          destinationId: null,
          movementId,
          locked: false,
          reason: 'fixture',
        })),
      ],
    },
    seeder,
  );
}

/** The check-in commands' fixtures. */
export const checkinFixtures: FixtureGroup = {
  setup,
  fixtures: {
    'checkin.allowSplit': {
      cli: () => [
        'checkin',
        'allow-split',
        movementId,
        fx.recordedCase,
        '--reason',
        'the mother stays with the child in hospital',
      ],
      api: () => ({
        method: 'POST',
        url: `/api/movements/${movementId}/allow-split`,
        payload: { caseId: fx.recordedCase, reason: 'the mother stays with the child in hospital' },
      }),
    },
    'checkin.document': {
      // A passport nobody registered: the check answers (not valid) and is audited.
      cli: () => ['checkin', 'document', movementId, fx.recorded, '--mrz', ...fixtureMrz],
      api: () => ({
        method: 'POST',
        url: '/api/checkin/document',
        payload: { movementId, personId: fx.recorded, mrz: fixtureMrz },
      }),
    },
    'checkin.record': {
      async prepare(store) {
        const events = await store.checkin.events({ movementId, personIds: [fx.recorded] });
        const now = foldCheckins(events).get(checkinKey(movementId, fx.recorded))?.status;
        nextStatus = now === 'checked-in' ? 'no-show' : 'checked-in';
      },
      cli: () => [
        'checkin',
        movementId,
        fx.recorded,
        '--status',
        nextStatus,
        '--station',
        'fx-desk',
      ],
      api: () => ({
        method: 'POST',
        url: '/api/checkin',
        payload: { movementId, personId: fx.recorded, status: nextStatus, station: 'fx-desk' },
      }),
    },
    'checkin.resolve': {
      // Two stations disagree about the person before every call: there is something to decide.
      async prepare(store, k) {
        const record = { movementId, personId: fx.decided, note: null, supersedes: null };
        await store.checkin.append({ ...record, station: `fxa-${k}`, status: 'no-show' }, seeder);
        await store.checkin.append({ ...record, station: `fxb-${k}`, status: 'boarded' }, seeder);
      },
      cli: () => [
        'checkin',
        'resolve',
        movementId,
        fx.decided,
        '--status',
        'boarded',
        '--note',
        'decided at the desk',
        '--station',
        'fx-judge',
      ],
      api: () => ({
        method: 'POST',
        url: '/api/checkin/resolve',
        payload: {
          movementId,
          personId: fx.decided,
          status: 'boarded',
          note: 'decided at the desk',
          station: 'fx-judge',
        },
      }),
    },
    'checkin.merge': {
      // A log of another station with one new record, as a file and as the API's body.
      async prepare(store, k) {
        const op = await store.registry.operation();
        const station = `fxm-${k}`;
        const event = {
          station,
          seq: 1,
          movementId,
          personId: fx.merged,
          status: 'checked-in' as const,
          at: new Date().toISOString(),
          actor: 'cli:gate',
          role: 'movement-officer',
          note: null,
          supersedes: null,
        };
        const log = buildLog(op!.id, station, [event], new Date());
        const file = join(folder, `${station}.json`);
        writeFileSync(file, JSON.stringify(log));
        logs.set(k, { log, file });
      },
      cli: (k) => ['checkin', 'merge', logs.get(k)!.file],
      api: (k) => ({
        method: 'POST',
        url: '/api/checkin/merge',
        payload: { log: logs.get(k)!.log as Record<string, unknown> },
      }),
    },
  },
};
