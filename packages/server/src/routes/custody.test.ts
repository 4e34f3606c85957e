import {
  generateDemo,
  generateDemoBelongings,
  generateDemoIncidents,
  generateDemoProperty,
} from '@corridor/core';
import { backends, pdfContent } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 60, seed: 4 });
const { items, events } = generateDemoBelongings(demo.persons);
const owner = items[0]!.personId;

describe.each(backends)('incidents, property and custody over HTTP on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {}, demo);
    await server.store.incidents.add(generateDemoIncidents(), seeder);
    await server.store.property.add(generateDemoProperty(demo.households), seeder);
    await server.store.custody.addItems(items, seeder);
    await server.store.custody.addEvents(events, seeder);
  });
  afterAll(async () => server.close());

  it('hides narratives and custody details from roles the field policy leaves out', async () => {
    const planner = (await server.as('planner', { url: '/api/incidents' })).json();
    expect(planner[0].narrative).toContain('Rockets');
    const auditor = (await server.as('auditor', { url: '/api/incidents' })).json();
    expect(auditor.map((i: { narrative: unknown }) => i.narrative)).toEqual(
      auditor.map(() => null),
    );
    const url = `/api/persons/${owner}/belongings`;
    const officer = (await server.as('movement-officer', { url })).json();
    expect(officer.items[0].events[1].detail.by).toBe('checkpoint security detail');
    const hidden = (await server.as('auditor', { url })).json();
    expect(hidden.items[0].events[1]).toMatchObject({ kind: 'confiscated', detail: null });
    expect(hidden.items[0].description).toBeNull();
  });

  it('serves the incident log as CSV, narratives only to roles that may read them, audited', async () => {
    const before = (await server.store.audit.events(0, 100_000)).length;
    const url = '/api/incidents/export?hxl=true&narratives=true';
    const planner = await server.as('planner', { url });
    expect(planner.statusCode).toBe(200);
    expect(planner.headers['content-type']).toContain('text/csv');
    expect(planner.body.split('\n')[1]).toMatch(/^#event\+id,/);
    expect(planner.body).toContain('Rockets');
    const auditor = await server.as('auditor', { url });
    expect([auditor.statusCode, auditor.json().message]).toEqual([
      403,
      'role auditor may not read incident narratives',
    ]);
    const plain = await server.as('auditor', { url: '/api/incidents/export' });
    expect([plain.statusCode, plain.body.includes('Rockets')]).toEqual([200, false]);
    const audit = (await server.store.audit.events(0, 100_000)).slice(before);
    expect(audit.map((e) => [e.action, e.entity, e.actor])).toEqual([
      ['export', 'incidents', 'api:planner'],
      ['export', 'incidents', 'api:auditor'],
    ]);
  });

  it('serves the property report per currency', async () => {
    const r = (await server.as('auditor', { url: '/api/property/report' })).json();
    expect(r.totals.map((t: { currency: string }) => t.currency)).toEqual(['IQD', 'USD']);
    expect(r.totals[1]).toMatchObject({ offered: 1_070_000_000, realised: 26_750_000 });
  });

  it('refuses bad writes with a message naming the field, and writes nothing', async () => {
    const item = items.find((i) => i.personId === owner)!.id;
    const before = (await server.store.audit.events(0, 100_000)).length;
    const early = await server.as('movement-officer', {
      method: 'POST',
      url: `/api/belongings/${item}/events`,
      payload: { kind: 'arrived', at: '2031-06-29T00:00:00+03:00' },
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toMatch(
      /kind arrived cannot come after (confiscated|returned|lost)/,
    );
    const unknown = await server.as('movement-officer', {
      method: 'POST',
      url: '/api/belongings/B-404/events',
      payload: { kind: 'packed', at: '2031-06-29T00:00:00+03:00' },
    });
    expect(unknown.json().message).toMatch(/itemId B-404 is not a recorded belonging/);
    const money = await server.as('planner', {
      method: 'POST',
      url: '/api/property/sales',
      payload: {
        id: 'S-X',
        assetId: 'A-BLD',
        quantity: 1,
        amountMinor: -1,
        currency: 'ZZZ',
        date: '2031-01-01',
        buyer: 'b',
      },
    });
    expect(money.statusCode).toBe(400);
    expect(money.json().message).toMatch(/amountMinor/);
    expect((await server.store.audit.events(0, 100_000)).length).toBe(before);
    const verdict = (await server.as('auditor', { url: '/api/custody/verify' })).json();
    expect(verdict).toMatchObject({ ok: true, items: items.length, events: events.length });
  });

  it('serves a custody record PDF with names by role, audits it, and 404s an unknown person', async () => {
    const person = demo.persons.find((p) => p.id === owner)!;
    const name = `${person.pii.givenName} ${person.pii.familyName}`;
    const before = (await server.store.audit.events(0, 100_000)).length;
    const url = `/api/persons/${owner}/custody.pdf`;
    const officer = await server.as('movement-officer', { url });
    expect(officer.statusCode).toBe(200);
    expect(officer.headers['content-type']).toBe('application/pdf');
    expect(officer.headers['content-disposition']).toContain(`custody-${owner}.pdf`);
    const shown = pdfContent(officer.rawPayload).texts.join('\n');
    expect(shown).toContain(name);
    expect(shown).toContain('checkpoint security detail');
    const hidden = pdfContent((await server.as('auditor', { url })).rawPayload).texts.join('\n');
    expect(hidden).toContain('(name hidden for your role)');
    expect(hidden).not.toContain(person.pii.familyName);
    expect(hidden).not.toContain('checkpoint security detail');
    const audit = (await server.store.audit.events(0, 100_000)).slice(before);
    expect(audit.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['export', owner, 'api:movement-officer'],
      ['export', owner, 'api:auditor'],
    ]);
    // In the reader's language: Arabic words in the embedded Arabic font, the English title gone.
    expect(shown).toContain('Custody record of belongings');
    const arabic = await server.as('movement-officer', {
      url,
      headers: { 'accept-language': 'ar' },
    });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.rawPayload.toString('latin1')).toContain('NotoNaskhArabic');
    expect(pdfContent(arabic.rawPayload).texts.join('\n')).not.toContain('Custody record');
    // A plain link names the app's language in the query, over the browser's Accept-Language.
    const linked = await server.as('movement-officer', {
      url: `${url}?lang=fa`,
      headers: { 'accept-language': 'en' },
    });
    expect(linked.statusCode).toBe(200);
    expect(linked.rawPayload.toString('latin1')).toContain('NotoNaskhArabic');
    const unknown = await server.as('movement-officer', { url: `${url}?lang=xx` });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/lang/);
    const none = await server.as('auditor', { url: '/api/persons/P-404/custody.pdf' });
    expect([none.statusCode, none.json().message]).toEqual([404, 'person P-404 not found']);
  });
});
