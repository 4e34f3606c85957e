/**
 * Consent and the disclosure log through the CLI and the API on one PostgreSQL database: the same
 * answers, the same refusals (another role, bad input, a manifest without a basis), nothing written
 * when refused.
 */
import { generateDemo, generateDemoMovements } from '@corridor/core';
import { postgresBackend, testEnv } from '@corridor/storage/test-support';
import { seeder, startTestServer, type TestServer } from '@corridor/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorInProcess as corridor } from '../in-process.js';

const demo = generateDemo({ people: 50, seed: 8 });
const onBoard = demo.households.filter((h) => h.status !== 'on-hold').slice(0, 2);
const home = onBoard[0]!.id;
const passengers = demo.persons.filter((p) => onBoard.some((h) => h.id === p.householdId));

describe('corridor consent and disclosure, and their routes', () => {
  let server: TestServer;
  let movement = '';
  const cli = async (role: string, args: string[]) =>
    corridor([...args, '--role', role, '--data', server.dataDir, '--json']);
  const counts = async () => ({
    audit: (await server.store.audit.events(0, 1_000_000)).length,
    consents: (await server.store.consent.history({ householdId: home })).length,
    disclosures: (await server.store.consent.disclosures({ limit: 10_000 })).length,
  });

  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, demo);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
    const [m] = generateDemoMovements(demo.destinations, demo.pledges);
    movement = m!.id;
    await server.store.movements.add([m!], seeder);
    await server.store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: {},
        assignments: onBoard.map((h) => ({
          householdId: h.id,
          destinationId: m!.destinationId,
          movementId: movement,
          locked: false,
          reason: 'test',
        })),
      },
      seeder,
    );
  }, 120_000);
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server.close();
  });

  it('records from the CLI and the API alike, and lists the same for each role', async () => {
    const byCli = await cli('registrar', [
      'consent',
      'record',
      '--case',
      home,
      '--purpose',
      'referral',
      '--state',
      'deu',
      '--given',
      '--date',
      '2026-11-02',
      '--note',
      'asked with an interpreter',
    ]);
    expect(byCli.code, byCli.stderr).toBe(0);
    expect(JSON.parse(byCli.stdout).recorded[0]).toMatchObject({
      purpose: 'referral',
      state: 'DEU',
      decision: 'given',
      note: 'asked with an interpreter',
    });
    const byApi = await server.as('protection-officer', {
      method: 'POST',
      url: `/api/cases/${home}/consent`,
      payload: { purpose: 'referral', state: 'DEU', decision: 'withdrawn', date: '2026-11-01' },
    });
    expect(byApi.statusCode, byApi.body).toBe(201);
    for (const role of ['registrar', 'planner', 'auditor'] as const) {
      const api = await server.as(role, { url: `/api/cases/${home}/consent` });
      expect(api.statusCode).toBe(200);
      const local = await cli(role, ['consent', 'list', '--case', home]);
      expect(local.code, local.stderr).toBe(0);
      expect(JSON.parse(local.stdout)).toEqual(api.json());
      const notes = (api.json() as { history: { note: string | null }[] }).history.map(
        (r) => r.note,
      );
      expect(notes.includes('asked with an interpreter')).toBe(role === 'registrar');
      const deu = api.json().persons[0].current.find((c: { state: string }) => c.state === 'DEU');
      // Recorded last, it counts, though its date is earlier.
      expect(deu).toMatchObject({ decision: 'withdrawn', date: '2026-11-01' });
    }
  });

  it('refuses another role and bad input from both, naming the field; nothing written', async () => {
    const before = await counts();
    for (const role of ['planner', 'movement-officer', 'auditor']) {
      const local = await cli(role, [
        'consent',
        'record',
        '--case',
        home,
        '--purpose',
        'messages',
        '--given',
      ]);
      expect(local.code).not.toBe(0);
      expect(local.stderr).toMatch(/may not consent\.record/);
      const api = await server.as(role as 'planner', {
        method: 'POST',
        url: `/api/cases/${home}/consent`,
        payload: { purpose: 'messages', decision: 'given' },
      });
      expect(api.statusCode).toBe(403);
    }
    const noState = await cli('registrar', [
      'consent',
      'record',
      '--case',
      home,
      '--purpose',
      'referral',
      '--given',
    ]);
    expect(noState.code).not.toBe(0);
    expect(noState.stderr).toMatch(/at state: a referral names the destination state/);
    const noDecision = await cli('registrar', [
      'consent',
      'record',
      '--case',
      home,
      '--purpose',
      'messages',
    ]);
    expect(noDecision.stderr).toMatch(
      /at decision: give exactly one of --given, --refused, --withdrawn/,
    );
    const api = await server.as('registrar', {
      method: 'POST',
      url: `/api/cases/${home}/consent`,
      payload: { purpose: 'messages', decision: 'given', personId: 'P-99999' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.json().message).toMatch(/at personId: P-99999 is not a member of case/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a manifest without carrier-sharing consent in both, then logs the one made', async () => {
    const refuser = passengers[0]!;
    await server.store.consent.record(
      [
        {
          personId: refuser.id,
          purpose: 'carrier-sharing',
          state: null,
          decision: 'withdrawn',
          date: '2026-11-03',
          note: null,
        },
      ],
      seeder,
    );
    const before = await counts();
    const why = `${refuser.id} (${refuser.householdId}): consent for carrier-sharing withdrawn`;
    const local = await cli('movement-officer', ['manifest', movement, '--format', 'paxlst']);
    expect(local.code).not.toBe(0);
    expect(local.stderr).toContain(why);
    const api = await server.as('movement-officer', {
      url: `/api/movements/${movement}/manifest?format=paxlst`,
    });
    expect(api.statusCode).toBe(409);
    expect(api.json()).toMatchObject({
      error: 'no-consent',
      message: expect.stringContaining(why),
    });
    expect(await counts()).toEqual(before);

    await cli('registrar', [
      'consent',
      'record',
      '--case',
      refuser.householdId,
      '--person',
      refuser.id,
      '--purpose',
      'carrier-sharing',
      '--given',
    ]);
    const made = await server.as('movement-officer', {
      url: `/api/movements/${movement}/manifest?format=csv`,
    });
    expect(made.statusCode).toBe(200);
    const viaApi = await server.as('auditor', {
      url: `/api/disclosures?caseId=${refuser.householdId}`,
    });
    expect(viaApi.statusCode).toBe(200);
    const viaCli = await cli('auditor', ['disclosure', 'list', '--case', refuser.householdId]);
    expect(viaCli.code, viaCli.stderr).toBe(0);
    expect(JSON.parse(viaCli.stdout)).toEqual(viaApi.json());
    expect(viaApi.json().disclosures).toHaveLength(1);
    expect(viaApi.json().disclosures[0]).toMatchObject({
      kind: 'manifest',
      subject: movement,
      persons: passengers.length,
      recipient: 'download by api:movement-officer (movement-officer)',
    });
    for (const role of ['registrar', 'planner', 'movement-officer'] as const) {
      expect((await server.as(role, { url: '/api/disclosures' })).statusCode).toBe(403);
      const refused = await cli(role, ['disclosure', 'list']);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/may not disclosure\.read/);
    }
  });
});
