/**
 * The product's commands emit webhook events: a receiver on localhost subscribed to an event gets
 * a delivery it verifies with the Standard Webhooks library, carrying ids and counts but no
 * personal data; a refused or invalid command queues nothing; a webhook subscribed to other
 * events gets nothing. (The CLI's binding: packages/cli/src/commands/webhook-events.test.ts.)
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decideTransition,
  generateDemo,
  personFields,
  type CaseStatus,
  type WebhookEventType,
} from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from './test-support/test-server.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver that answers 204 to everything and keeps what it got. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, server };
}

const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return check();
};

interface Event {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

const departAt = '2031-06-30T05:00:00+03:00';

/** Moves a case along the forward path as the seeding administrator (no command, no event). */
async function walk(store: Store, id: string, path: CaseStatus[]): Promise<void> {
  for (const to of path)
    await store.registry.transitionCase(id, to, 'test setup', seeder, (from, resumeTo) =>
      decideTransition(id, from, to, 'admin', resumeTo),
    );
}

/** Two movements, and a case of at most two people scheduled on the first in the timetable. */
async function seed(store: Store): Promise<{ traveller: string; members: string[] }> {
  const base = {
    kind: 'charter' as const,
    origin: 'BGW',
    destinationId: null,
    arrivalAirport: null,
    departAt,
    timezone: 'Asia/Baghdad',
    seats: 100,
    baggageKg: 2300,
    status: 'planned' as const,
  };
  await store.movements.add(
    [
      { ...base, id: 'M-EV' },
      { ...base, id: 'M-EV2' },
    ],
    seeder,
  );
  const cases = (await store.registry.findCases({ limit: 500, offset: 0 })).cases;
  const traveller = cases.find((c) => c.status === 'verified' && c.persons <= 2)!.id;
  await walk(store, traveller, ['referred', 'accepted', 'exit-cleared', 'scheduled']);
  await store.plans.save(
    {
      kind: 'timetable',
      params: {},
      summary: {},
      assignments: [
        {
          householdId: traveller,
          destinationId: null,
          movementId: 'M-EV',
          locked: false,
          reason: 'test',
        },
      ],
    },
    seeder,
  );
  const members = (await store.checkin.members([traveller])).map((m) => m.personId);
  return { traveller, members };
}

describe.each(backends)('events from commands on $name', (backend) => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let traveller = '';
  let members: string[] = [];
  const secrets: Record<string, string> = {};

  /** Subscribes webhook `id` at receiver path `/id` to `events`. */
  const subscribe = async (id: string, events: WebhookEventType[]) => {
    const r = await server.as('admin', {
      method: 'POST',
      url: '/api/webhooks',
      payload: { id, url: `${receiver.url}/${id}`, events },
    });
    expect(r.statusCode).toBe(201);
    secrets[id] = (r.json() as { secret: string }).secret;
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer(
      backend,
      { webhookPollMs: 100, webhookTimeoutMs: 2000 },
      generateDemo({ people: 40, seed: 2 }),
    );
    ({ traveller, members } = await seed(server.store));
    await subscribe('wh-movement', [
      'movement.confirmed',
      'movement.changed',
      'movement.cancelled',
    ]);
    await subscribe('wh-case', ['case.status-changed', 'arrival.confirmed']);
    await subscribe('wh-checkin', ['checkin.recorded']);
    await subscribe('wh-plan', ['plan.published']);
  });
  afterAll(async () => {
    receiver.server.closeAllConnections();
    receiver.server.close();
    await server.close();
  });

  /** What webhook `id` received, each body verified with its secret (throws if one does not). */
  const received = (id: string): Event[] =>
    receiver.received
      .filter((x) => x.path === `/${id}`)
      .map(
        (x) =>
          new Webhook(secrets[id]!).verify(x.body, x.headers as Record<string, string>) as Event,
      );
  /** Deliveries queued for webhook `id`, newest first. */
  const queued = async (id: string) =>
    (
      await server.as('auditor', { method: 'GET', url: `/api/webhooks/deliveries?webhook=${id}` })
    ).json() as { eventType: string; msgId: string }[];

  it('sends movement.confirmed, movement.changed and movement.cancelled, signed', async () => {
    const patch = (role: 'admin' | 'auditor' | 'movement-officer', id: string, payload: object) =>
      server.as(role, { method: 'PATCH', url: `/api/movements/${id}`, payload });
    // Refused or invalid: nothing queued.
    expect((await patch('auditor', 'M-EV', { status: 'confirmed' })).statusCode).toBe(403);
    expect((await patch('admin', 'M-EV', { seats: -1 })).statusCode).toBe(400);
    expect(
      (await patch('admin', 'M-EV', { status: 'confirmed', expectVersion: 99 })).statusCode,
    ).toBe(409);
    expect((await patch('admin', 'M-NONE', { status: 'confirmed' })).statusCode).toBe(404);
    expect(await queued('wh-movement')).toEqual([]);

    expect((await patch('movement-officer', 'M-EV', { status: 'confirmed' })).statusCode).toBe(200);
    expect((await patch('movement-officer', 'M-EV', { seats: 120 })).statusCode).toBe(200);
    expect((await patch('movement-officer', 'M-EV2', { status: 'cancelled' })).statusCode).toBe(
      200,
    );
    expect(await until(() => received('wh-movement').length >= 3)).toBe(true);
    const events = received('wh-movement');
    expect(events.map((e) => e.type).sort()).toEqual([
      'movement.cancelled',
      'movement.changed',
      'movement.confirmed',
    ]);
    const byType = Object.fromEntries(events.map((e) => [e.type, e]));
    expect(byType['movement.confirmed']!.data).toMatchObject({
      movementId: 'M-EV',
      status: 'confirmed',
      previousStatus: 'planned',
      changed: ['status'],
      date: '2031-06-30',
      departAt,
      seats: 100,
      cases: 1,
    });
    expect(byType['movement.changed']!.data).toMatchObject({
      movementId: 'M-EV',
      status: 'confirmed',
      changed: ['seats'],
      seats: 120,
    });
    expect(byType['movement.cancelled']!.data).toMatchObject({
      movementId: 'M-EV2',
      status: 'cancelled',
      previousStatus: 'planned',
      cases: 0,
    });
    // The webhook-id a receiver dedupes on is the one in the delivery log.
    const ids = receiver.received
      .filter((x) => x.path === '/wh-movement')
      .map((x) => x.headers['webhook-id']);
    expect(ids.sort()).toEqual((await queued('wh-movement')).map((d) => d.msgId).sort());
    // Subscribers of other events heard nothing of it.
    for (const other of ['wh-case', 'wh-checkin', 'wh-plan'])
      expect(received(other).filter((e) => e.type.startsWith('movement.'))).toEqual([]);
  });

  it('sends case.status-changed without personal data, and nothing for a refused move', async () => {
    const cases = (await server.store.registry.findCases({ limit: 500, offset: 0 })).cases;
    const target = cases.find((c) => c.status === 'verified' && c.id !== traveller)!.id;
    const move = (role: 'auditor' | 'registrar' | 'planner', payload: object) =>
      server.as(role, { method: 'POST', url: `/api/cases/${target}/status`, payload });
    const reason = 'referred after the interview with the family';
    expect((await move('auditor', { to: 'referred', reason })).statusCode).toBe(403);
    // The workflow gives verified → referred to planners, not registrars.
    expect((await move('registrar', { to: 'referred', reason })).statusCode).toBeGreaterThan(399);
    expect((await move('planner', { to: 'arrived', reason })).statusCode).toBeGreaterThan(399);
    expect((await move('planner', { to: 'referred', reason: 'x' })).statusCode).toBe(400);
    expect(await queued('wh-case')).toEqual([]);

    expect((await move('planner', { to: 'referred', reason })).statusCode).toBe(200);
    expect(await until(() => received('wh-case').length >= 1)).toBe(true);
    const [event] = received('wh-case');
    expect(event).toMatchObject({
      type: 'case.status-changed',
      data: { caseId: target, from: 'verified', to: 'referred', movementId: null },
    });
    expect(Date.parse(event!.timestamp)).not.toBeNaN();

    // No personal field of the case is in the body: not its members' names, birth dates or
    // document numbers, not the reason (a person's words), not a field named after them.
    const shown = (
      await server.as('admin', { method: 'GET', url: `/api/cases/${target}` })
    ).json() as {
      members: {
        pii: { givenName?: string; familyName?: string; birthDate?: string | null } | null;
        documents: { number: string | null }[];
      }[];
    };
    const personal = shown.members.flatMap((m) => [
      m.pii?.givenName,
      m.pii?.familyName,
      m.pii?.birthDate,
      ...m.documents.map((d) => d.number),
    ]);
    const values = personal.filter((v): v is string => typeof v === 'string' && v.length > 2);
    expect(values.length).toBeGreaterThan(0);
    const body = receiver.received.find((x) => x.path === '/wh-case')!.body;
    for (const value of [...values, reason]) expect(body).not.toContain(value);
    const keys = Object.keys(event!.data);
    for (const field of [...personFields, 'givenName', 'familyName', 'reason', 'note'])
      expect(keys).not.toContain(field);
  });

  it('sends checkin.recorded, the household’s moves and arrival.confirmed from check-in', async () => {
    const checkin = (role: 'auditor' | 'movement-officer', payload: object) =>
      server.as(role, { method: 'POST', url: '/api/checkin', payload });
    const note = 'came with her neighbour Amina';
    const first = { movementId: 'M-EV', personId: members[0], status: 'arrived', note };
    expect((await checkin('auditor', first)).statusCode).toBe(403);
    expect((await checkin('movement-officer', { ...first, personId: 'P-NONE' })).statusCode).toBe(
      404,
    );
    expect((await checkin('movement-officer', { ...first, status: 'landed' })).statusCode).toBe(
      400,
    );
    expect(await queued('wh-checkin')).toEqual([]);
    const caseBefore = received('wh-case').length;

    for (const personId of members) {
      const r = await checkin('movement-officer', { ...first, personId, station: 'desk-1' });
      expect(r.statusCode, r.body).toBe(200);
    }
    expect(await until(() => received('wh-checkin').length >= members.length)).toBe(true);
    const recorded = received('wh-checkin');
    expect(recorded.map((e) => e.data.personId).sort()).toEqual([...members].sort());
    for (const e of recorded) {
      expect(e.type).toBe('checkin.recorded');
      expect(e.data).toMatchObject({
        movementId: 'M-EV',
        caseId: traveller,
        status: 'arrived',
        station: 'desk-1',
        source: 'desk',
      });
      expect(Object.keys(e.data)).not.toContain('note');
    }
    for (const x of receiver.received) expect(x.body).not.toContain('Amina');

    const arrived = async () =>
      received('wh-case').some(
        (e) => e.type === 'arrival.confirmed' && e.data.caseId === traveller,
      );
    expect(await until(arrived)).toBe(true);
    const caseEvents = received('wh-case').slice(caseBefore);
    const moves = caseEvents.filter((e) => e.type === 'case.status-changed');
    expect(moves.map((e) => e.data.to)).toEqual(['checked-in', 'departed', 'arrived']);
    expect(moves.every((e) => e.data.caseId === traveller && e.data.movementId === 'M-EV')).toBe(
      true,
    );
    expect(caseEvents.find((e) => e.type === 'arrival.confirmed')!.data).toMatchObject({
      caseId: traveller,
      movementId: 'M-EV',
      persons: members.length,
    });
  });

  it('sends plan.published when a planning run saves a plan', async () => {
    const allocate = (role: 'registrar' | 'planner', payload: object) =>
      server.as(role, { method: 'POST', url: '/api/plans/allocate', payload });
    expect((await allocate('registrar', { timeLimit: 1 })).statusCode).toBe(403);
    expect((await allocate('planner', { timeLimit: -1 })).statusCode).toBe(400);
    expect(await queued('wh-plan')).toEqual([]);

    const r = await allocate('planner', { timeLimit: 1 });
    expect(r.statusCode).toBe(202);
    expect(await until(() => received('wh-plan').length >= 1, 60_000)).toBe(true);
    const [event] = received('wh-plan');
    const current = (
      await server.as('auditor', { method: 'GET', url: '/api/plans?kind=allocation' })
    ).json() as { id: number; version: number }[];
    expect(event).toMatchObject({
      type: 'plan.published',
      data: { planId: current[0]!.id, kind: 'allocation', version: current[0]!.version },
    });
    const data = event!.data as { cases: number; placed: number; unplaced: number };
    expect(data.placed + data.unplaced).toBe(data.cases);
    expect(data.cases).toBeGreaterThan(0);
    // Only plan events reached the plan subscriber over the whole run.
    expect(received('wh-plan').every((e) => e.type === 'plan.published')).toBe(true);
    expect(received('wh-movement').every((e) => e.type.startsWith('movement.'))).toBe(true);
  });
});
