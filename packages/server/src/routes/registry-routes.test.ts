import { generateDemo, generateDemoMovements } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 80, seed: 9 });

describe('registry, files, manifests and check-in routes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backends[0]!, {}, demo);
  });
  afterAll(async () => server.close());

  it('lists cases with filters and paging, and finds a case by a member’s exact name', async () => {
    const all = (await server.as('auditor', { url: '/api/cases?limit=500' })).json();
    expect(all.total).toBe(demo.households.length);
    expect(all.cases.map((c: { id: string }) => c.id)).toEqual(
      demo.households.map((h) => h.id).sort(),
    );
    const sizes = new Map<string, number>();
    for (const p of demo.persons) sizes.set(p.householdId, (sizes.get(p.householdId) ?? 0) + 1);
    for (const c of all.cases as { id: string; persons: number }[])
      expect(c.persons, c.id).toBe(sizes.get(c.id));
    const page = (await server.as('planner', { url: '/api/cases?limit=5&offset=5' })).json();
    expect(page.cases.map((c: { id: string }) => c.id)).toEqual(
      all.cases.slice(5, 10).map((c: { id: string }) => c.id),
    );
    const status = demo.households[3]!.status;
    const byStatus = (await server.as('planner', { url: `/api/cases?status=${status}` })).json();
    expect(byStatus.total).toBe(demo.households.filter((h) => h.status === status).length);

    const person = demo.persons[7]!;
    const name = `${person.pii.givenName} ${person.pii.familyName}`;
    const found = (
      await server.as('registrar', { url: `/api/cases?name=${encodeURIComponent(name)}` })
    ).json();
    expect(found.cases.map((c: { id: string }) => c.id)).toContain(person.householdId);
    // Case and spacing do not matter; a part of the name is not a match.
    const loud = encodeURIComponent(`  ${name.toUpperCase()} `);
    expect((await server.as('registrar', { url: `/api/cases?name=${loud}` })).json().total).toBe(
      found.total,
    );
    const part = encodeURIComponent(person.pii.givenName);
    const partial = (await server.as('registrar', { url: `/api/cases?name=${part}` })).json();
    expect(partial.cases.map((c: { id: string }) => c.id)).not.toContain(person.householdId);
    const denied = await server.as('auditor', { url: `/api/cases?name=${part}` });
    expect([denied.statusCode, denied.json().error]).toEqual([403, 'forbidden']);
    expect((await server.as('planner', { url: '/api/cases?limit=0' })).statusCode).toBe(400);
  });

  it('locks a case to a destination and unlocks it; refuses unknown destinations', async () => {
    const h = demo.households[0]!.id;
    const d = demo.destinations[1]!.id;
    const lock = await server.as('planner', {
      method: 'POST',
      url: `/api/cases/${h}/lock`,
      payload: { destinationId: d, reason: 'family already there' },
    });
    expect(lock.statusCode).toBe(200);
    expect(await server.store.plans.locks()).toEqual([
      expect.objectContaining({ householdId: h, destinationId: d, actor: 'api:planner' }),
    ]);
    const bad = await server.as('planner', {
      method: 'POST',
      url: `/api/cases/${h}/lock`,
      payload: { destinationId: 'NOWHERE', reason: 'family already there' },
    });
    expect([bad.statusCode, bad.json().message]).toEqual([
      400,
      'destinationId: no destination NOWHERE',
    ]);
    const unlock = () =>
      server.as('admin', { method: 'POST', url: `/api/cases/${h}/unlock`, payload: {} });
    expect((await unlock()).statusCode).toBe(200);
    expect((await unlock()).statusCode).toBe(404);
    expect(await server.store.plans.locks()).toEqual([]);
  });

  it('exports persons redacted for roles that may not see them all, and audits each export', async () => {
    const name = demo.persons[0]!.pii.familyName;
    const full = await server.as('registrar', { url: '/api/export/persons?format=csv' });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toMatch(/^text\/csv/);
    expect(full.headers['content-disposition']).toBe('attachment; filename="persons.csv"');
    expect(full.body).toContain(name);
    for (const role of ['planner', 'auditor'] as const) {
      const r = await server.as(role, { url: '/api/export/persons?format=csv' });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(name);
    }
    const xlsx = await server.as('registrar', { url: '/api/export/households?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const events = await server.store.audit.events();
    const exports = events.filter((e) => e.action === 'export' && e.entity === 'registry');
    expect(exports.map((e) => [e.actor, e.entityId, e.detail.redacted])).toEqual([
      ['api:registrar', 'persons', false],
      ['api:planner', 'persons', true],
      ['api:auditor', 'persons', true],
      ['api:registrar', 'households', false],
    ]);
  });

  it('imports a file all or nothing: a bad row is named and nothing is written', async () => {
    const csv = (await server.as('admin', { url: '/api/export/persons?format=csv' })).body;
    const send = (text: string, dryRun = false) =>
      server.as('registrar', {
        method: 'POST',
        url: '/api/import',
        payload: { name: 'roster.csv', content: Buffer.from(text).toString('base64'), dryRun },
      });
    const same = await send(csv);
    expect(same.statusCode).toBe(200);
    expect(same.json()).toMatchObject({
      ok: true,
      written: true,
      rows: demo.persons.length,
      persons: { created: 0, unchanged: demo.persons.length },
    });

    const before = await server.store.registry.status();
    const auditBefore = (await server.store.audit.events()).length;
    const lines = csv.split('\n');
    const header = lines[0]!.split(',');
    const birth = header.findIndex((h) => /birth/i.test(h) && !/year/i.test(h));
    expect(birth).toBeGreaterThan(-1);
    const cells = lines[3]!.split(',');
    cells[birth] = '2001-02-30';
    lines[3] = cells.join(',');
    // A new person as well: it must not be written either.
    const extra = lines[1]!.split(',');
    extra[header.indexOf(header.find((h) => /person|^id$/i.test(h))!)] = 'P-NEW-1';
    const bad = await send([...lines.slice(0, -1), extra.join(','), ''].join('\n'));
    expect(bad.statusCode).toBe(422);
    const body = bad.json();
    expect(body.error).toBe('import-rejected');
    expect(body.details.problems).toContainEqual(
      expect.objectContaining({ row: 4, reason: expect.stringMatching(/date/i) }),
    );
    expect(JSON.stringify(body)).not.toContain(demo.persons[2]!.pii.familyName);
    expect(await server.store.registry.status()).toEqual(before);
    expect((await server.store.audit.events()).length).toBe(auditBefore);

    const notBase64 = await server.as('registrar', {
      method: 'POST',
      url: '/api/import',
      payload: { name: 'x.csv', content: '***' },
    });
    expect([notBase64.statusCode, notBase64.json().message]).toEqual([
      400,
      'invalid body at content: must be base64',
    ]);
    const planner = await server.as('planner', {
      method: 'POST',
      url: '/api/import',
      payload: { name: 'x.csv', content: 'eA==' },
    });
    expect(planner.statusCode).toBe(403);
  });

  it('serves a movement’s manifest and records check-in on it', async () => {
    const { store } = server;
    const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
    await store.movements.add([movement!], seeder);
    const on = demo.households.slice(1, 3);
    await store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: {},
        assignments: on.map((h) => ({
          householdId: h.id,
          destinationId: movement!.destinationId,
          movementId: movement!.id,
          locked: false,
          reason: 'best',
        })),
      },
      seeder,
    );
    const booked = demo.persons.filter((p) => on.some((h) => h.id === p.householdId));
    const url = `/api/movements/${movement!.id}/manifest`;
    const json = await server.as('movement-officer', { url });
    expect(json.statusCode).toBe(200);
    expect(JSON.parse(json.body).totals.persons).toBe(booked.length);
    const pdf = await server.as('movement-officer', { url: `${url}?format=pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Labels in the language of Accept-Language: an Arabic PDF embeds the Arabic-script font.
    const arabicFont = /\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic/;
    expect(pdf.rawPayload.toString('latin1')).not.toMatch(arabicFont);
    const arabic = await server.as('movement-officer', {
      url: `${url}?format=pdf`,
      headers: { 'accept-language': 'ar-IQ' },
    });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.rawPayload.toString('latin1')).toMatch(arabicFont);
    const edi = await server.as('admin', { url: `${url}?format=paxlst` });
    expect(edi.body).toMatch(/^UNA:\+\.\? '\s*UNB\+/);
    expect((await server.as('planner', { url })).statusCode).toBe(403);
    expect((await server.as('admin', { url: `${url}?format=doc` })).statusCode).toBe(400);
    expect((await server.as('admin', { url: '/api/movements/NOPE/manifest' })).statusCode).toBe(
      404,
    );

    const person = booked[0]!;
    const checkin = await server.as('movement-officer', {
      method: 'POST',
      url: '/api/checkin',
      payload: { movementId: movement!.id, personId: person.id, status: 'checked-in' },
    });
    expect(checkin.statusCode).toBe(200);
    expect(checkin.json()).toMatchObject({
      status: 'checked-in',
      event: { personId: person.id, actor: 'api:movement-officer' },
    });
    const desk = (
      await server.as('movement-officer', { url: `/api/movements/${movement!.id}/checkin` })
    ).json();
    expect(desk.summary).toMatchObject({ booked: booked.length, checkedIn: 1 });
    expect(desk.persons).toHaveLength(booked.length);
    // Names come with the list (one request for the desk), decrypted for roles that see names.
    const nameOf = new Map(
      demo.persons.map((p) => [p.id, `${p.pii.givenName} ${p.pii.familyName}`]),
    );
    for (const p of desk.persons) expect(p.name).toBe(nameOf.get(p.personId));
    const stranger = demo.persons.find((p) => !on.some((h) => h.id === p.householdId))!;
    const refused = await server.as('movement-officer', {
      method: 'POST',
      url: '/api/checkin',
      payload: { movementId: movement!.id, personId: stranger.id, status: 'checked-in' },
    });
    expect([refused.statusCode, refused.json().error]).toEqual([409, 'not-on-movement']);
    const manifests = (await store.audit.events()).filter((e) => e.entity === 'manifest');
    expect(manifests.map((e) => e.detail.format)).toEqual(['json', 'pdf', 'pdf', 'paxlst']);
  });

  it('serves the timetable with its cases, and the hazard over the window', async () => {
    const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
    const rows = (await server.as('auditor', { url: '/api/timetable' })).json();
    const row = rows.find((r: { id: string }) => r.id === movement!.id);
    const on = demo.households.slice(1, 3).map((h) => h.id);
    expect(row.cases).toEqual(on);
    expect(row.persons).toBe(demo.persons.filter((p) => on.includes(p.householdId)).length);
    const joint = await server.as('auditor', { url: '/api/timetable?kind=joint' });
    expect(joint.statusCode).toBe(404);

    const days = (await server.as('planner', { url: '/api/hazard?priorRate=0.05' })).json();
    expect(days[0].day).toBe(demo.operation.windowStart);
    expect(days.at(-1).day).toBe(demo.operation.windowEnd);
    // No incidents logged: the estimate starts at the prior and quiet days only lower it.
    expect(days[0].mean).toBeCloseTo(0.05, 9);
    for (let k = 1; k < days.length; k++) {
      expect(days[k].observed).toBe(0);
      expect(days[k].mean).toBeLessThanOrEqual(days[k - 1].mean);
      expect(days[k].upper90).toBeGreaterThan(days[k].mean);
    }
    const some = (
      await server.as('planner', { url: '/api/hazard?from=2031-01-01&to=2031-01-10' })
    ).json();
    expect(some).toHaveLength(10);
    for (const bad of [
      'priorRate=-1',
      'priorRate=abc',
      'from=2031-02-30',
      'from=2031-02-02&to=2031-02-01',
    ])
      expect((await server.as('planner', { url: `/api/hazard?${bad}` })).statusCode, bad).toBe(400);
  });

  it('adds and changes movements, refusing past departures and stale versions', async () => {
    const add = (payload: object) =>
      server.as('movement-officer', { method: 'POST', url: '/api/movements', payload });
    const to = demo.destinations[0]!;
    const ok = await add({
      id: 'M-API-1',
      departAt: '2031-07-01T05:00:00+03:00',
      seats: 180,
      to: to.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      id: 'M-API-1',
      kind: 'charter',
      origin: demo.operation.airportCode,
      arrivalAirport: to.arrivalAirports[0],
      timezone: demo.operation.timezone,
      baggageKg: 180 * 23,
      status: 'planned',
      version: 1,
    });
    expect(
      (await add({ id: 'M-API-1', departAt: '2031-07-01T05:00:00+03:00', seats: 1 })).statusCode,
    ).toBe(409);
    const past = await add({ id: 'M-API-2', departAt: '2020-01-01T05:00:00Z', seats: 10 });
    expect([past.statusCode, past.json().message]).toEqual([400, expect.stringMatching(/past/)]);
    expect(
      (await add({ id: 'M-API-3', departAt: '2031-07-01T05:00:00Z', seats: -5 })).statusCode,
    ).toBe(400);
    expect(
      (await add({ id: 'M-API-4', departAt: '2031-07-01T05:00:00Z', seats: 5, to: 'NOPE' }))
        .statusCode,
    ).toBe(400);

    const patch = (id: string, payload: object) =>
      server.as('planner', { method: 'PATCH', url: `/api/movements/${id}`, payload });
    const changed = await patch('M-API-1', { seats: 150, expectVersion: 1 });
    expect([changed.statusCode, changed.json().seats, changed.json().version]).toEqual([
      200, 150, 2,
    ]);
    const stale = await patch('M-API-1', { status: 'confirmed', expectVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await server.store.movements.get('M-API-1'))!.status).toBe('planned');
    expect((await patch('M-API-1', {})).statusCode).toBe(400);
    expect((await patch('M-NONE', { seats: 3 })).statusCode).toBe(404);
    expect(
      (
        await server.as('auditor', {
          method: 'PATCH',
          url: '/api/movements/M-API-1',
          payload: { seats: 1 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('hands out a station log and merges one without losing or doubling records', async () => {
    const log = (await server.as('movement-officer', { url: '/api/checkin/log' })).json();
    expect(log.format).toBe('corridor-checkin-log');
    expect(log.events.length).toBeGreaterThan(0);
    const merged = await server.as('admin', {
      method: 'POST',
      url: '/api/checkin/merge',
      payload: { log },
    });
    expect(merged.json()).toMatchObject({
      received: log.events.length,
      added: 0,
      alreadyHad: log.events.length,
      conflicts: [],
    });
    const damaged = {
      ...log,
      events: log.events.map((e: object) => ({ ...e, status: 'boarded' })),
    };
    const refused = await server.as('admin', {
      method: 'POST',
      url: '/api/checkin/merge',
      payload: { log: damaged },
    });
    expect([refused.statusCode, refused.json().error]).toEqual([400, 'checkin-log-invalid']);
    expect((await server.as('movement-officer', { url: '/api/checkin/conflicts' })).json()).toEqual(
      [],
    );
  });
});
