import {
  generateDemo,
  generateDemoGroundCapacity,
  generateDemoMovements,
  routeAccess,
} from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const demo = generateDemo({ people: 60, seed: 4 });

describe('HTTP behaviour', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backends[0]!, { bodyLimit: 4096 }, demo);
  });
  afterAll(async () => server.close());

  const move = (payload: string, type = 'application/json') =>
    server.as('registrar', {
      method: 'POST',
      url: `/api/cases/${demo.households[0]!.id}/status`,
      headers: { 'content-type': type },
      payload,
    });

  it('answers bad bodies with 4xx and a message, never a stack trace', async () => {
    const cases: [string, string, number, string][] = [
      ['{"to": ', 'application/json', 400, 'invalid-input'],
      ['', 'application/json', 400, 'invalid-input'],
      ['{"__proto__": {"x": 1}}', 'application/json', 400, 'invalid-input'],
      ['to=verified', 'application/x-www-form-urlencoded', 415, 'unsupported-media-type'],
      ['{"to":"verified","reason":"checked"}', 'text/plain', 415, 'unsupported-media-type'],
      [
        `{"to":"verified","reason":"${'x'.repeat(5000)}"}`,
        'application/json',
        413,
        'payload-too-large',
      ],
      ['{"to":"flying","reason":"why not"}', 'application/json', 400, 'invalid-input'],
      ['[]', 'application/json', 400, 'invalid-input'],
    ];
    for (const [payload, type, status, error] of cases) {
      const r = await move(payload, type);
      expect([r.statusCode, r.json().error], payload.slice(0, 40)).toEqual([status, error]);
      expect(r.json().message).toMatch(/\w/);
      expect(r.body).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
    }
    expect((await move('{"to":"flying","reason":"why not"}')).json().message).toMatch(
      /^invalid body at to: /,
    );
    expect((await move(`{"to":"verified","reason":"${'x'.repeat(5000)}"}`)).json().message).toBe(
      'the request body is larger than the limit of 4096 bytes',
    );
  });

  it('refuses cross-site form posts even with the session cookie (JSON bodies only)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']) {
      const r = await server.app.inject({
        method: 'POST',
        url: '/api/dedup/scan',
        cookies: { corridor_session: server.tokens.admin },
        headers: { 'content-type': type },
        payload: '',
      });
      expect([r.statusCode, r.json().error]).toEqual([415, 'unsupported-media-type']);
    }
  });

  it('applies a valid command and refuses a transition the workflow forbids', async () => {
    const h = demo.households.find((x) => x.status === 'registered')!;
    const ok = await server.as('registrar', {
      method: 'POST',
      url: `/api/cases/${h.id}/status`,
      payload: { to: 'verified', reason: 'documents checked' },
    });
    expect(ok.json()).toMatchObject({
      case: h.id,
      from: 'registered',
      to: 'verified',
      actor: 'api:registrar',
    });
    const again = await server.as('planner', {
      method: 'POST',
      url: `/api/cases/${h.id}/status`,
      payload: { to: 'arrived', reason: 'skipping ahead' },
    });
    expect([again.statusCode, again.json().error]).toEqual([409, 'invalid-transition']);
  });

  it('answers unknown routes with JSON 404s', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['DELETE', '/api/status'],
      ['GET', '/nothing/at/all'],
    ] as const) {
      const r = await server.as('admin', { method, url });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ error: 'route-not-found', status: 404 });
    }
  });

  it("says an error's message in the language of Accept-Language, its id and status unchanged", async () => {
    const ask = (language?: string) =>
      server.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: language ? { 'accept-language': language } : {},
      });
    const english = await ask();
    expect(english.json()).toMatchObject({ error: 'unauthenticated', status: 401 });
    expect(english.json().message).toMatch(/^log in first: POST \/api\/login/);
    expect(english.headers['content-language']).toBe('en');
    const arabic = await ask('ar-IQ,ar;q=0.9,en;q=0.5');
    expect(arabic.statusCode).toBe(401);
    expect(arabic.json()).toMatchObject({ error: 'unauthenticated', status: 401 });
    expect(arabic.json().message).toBe(
      'سجّل الدخول أولاً: POST /api/login، ثم أرسل ملف تعريف الجلسة أو `Authorization: Bearer <token>`',
    );
    expect(arabic.headers['content-language']).toBe('ar');
    expect((await ask('de, fa-AF;q=0.8')).json().message).toMatch(/^نخست وارد شوید/);
    expect((await ask('de, fr')).json().message).toBe(english.json().message);
    // A route that is not there: values (method, path) kept as they are inside the translation.
    const missing = await server.app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { 'accept-language': 'ckb' },
    });
    expect(missing.json()).toMatchObject({ error: 'route-not-found', status: 404 });
    expect(missing.json().message).toBe('ڕێڕەوی GET /api/nothing نییە؛ سەیری /openapi.json بکە');
  });

  it('answers URLs the router cannot read from the catalogue too', async () => {
    for (const [url, status] of [
      ['/api/cases/%ED%A0%80%FF', 400],
      [`/api/cases/${'x'.repeat(150)}`, 414],
    ] as const) {
      const r = await server.as('admin', { url });
      expect([r.statusCode, r.json().error]).toEqual([status, 'bad-request']);
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.body).not.toContain('xxxxx');
    }
  });

  it('sends the security headers with every response', async () => {
    for (const url of ['/api/status', '/api/nothing', '/docs', '/', '/openapi.json']) {
      const r = await server.as('admin', { url });
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
    expect((await server.as('admin', { url: '/api/status' })).headers['cache-control']).toBe(
      'no-store',
    );
  });

  it('serves GET /api/status as store.registry.status() gives it, field for field', async () => {
    const r = await server.as('auditor', { url: '/api/status' });
    expect(r.body).toBe(JSON.stringify(await server.store.registry.status()));
  });

  it('serves movements, destinations and plans as the stores hold them', async () => {
    const { store } = server;
    const movements = generateDemoMovements(demo.destinations, demo.pledges);
    await store.movements.add(movements, { name: 'test', role: 'admin' });
    await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), {
      name: 'test',
      role: 'admin',
    });
    const plan = await store.plans.save(
      {
        kind: 'allocation',
        params: { seed: 1 },
        summary: { status: 'optimal', gap: 0 },
        assignments: demo.households.slice(0, 3).map((h) => ({
          householdId: h.id,
          destinationId: demo.destinations[0]!.id,
          movementId: null,
          locked: false,
          reason: 'first preference',
        })),
      },
      { name: 'test', role: 'planner' },
    );
    const get = async (url: string) => {
      const r = await server.as('planner', { url });
      expect(r.statusCode, url).toBe(200);
      return r.json();
    };
    expect(await get('/api/movements')).toEqual({
      movements: await store.movements.list(),
      groundCapacity: await store.movements.groundCapacity(),
    });
    expect(await get('/api/pledges')).toEqual(await store.registry.pledges());
    const destinations = await get('/api/destinations');
    expect(destinations.map((d: { id: string }) => d.id)).toEqual(
      (await store.registry.destinations()).map((d) => d.id),
    );
    expect(await get('/api/plans/current')).toEqual(plan);
    expect(await get(`/api/plans/${plan.id}`)).toEqual(plan);
    expect((await get('/api/plans?kind=allocation'))[0].id).toBe(plan.id);
  });

  it('documents every API route in OpenAPI 3.1 with its roles', async () => {
    const doc = (await server.app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(
      doc.paths as Record<string, Record<string, { 'x-roles': unknown }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => [
        `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        op['x-roles'],
      ]),
    );
    const apiKeys = Object.keys(routeAccess).filter(
      (k) => k.includes('/api/') || k === 'GET /healthz',
    );
    expect(documented.map(([k]) => k).sort()).toEqual(apiKeys.sort());
    for (const [key, xRoles] of documented)
      expect(xRoles).toEqual(routeAccess[key as keyof typeof routeAccess]);
    const move = doc.paths['/api/cases/{id}/status'].post;
    expect(move.requestBody.content['application/json'].schema.properties.to.enum).toContain(
      'verified',
    );
    expect(move.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('serves a self-contained docs page (no CDN, nothing from another origin)', async () => {
    const page = await server.app.inject({ url: '/docs' });
    expect(page.headers['content-type']).toMatch(/text\/html/);
    for (const asset of ['/docs/docs.js', '/docs/docs.css']) {
      expect(page.body).toContain(asset);
      const r = await server.app.inject({ url: asset });
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toMatch(/https?:\/\//);
    }
    expect(page.body).not.toMatch(/https?:\/\//);
    expect(page.body).not.toMatch(/<script>|<style>|\sstyle=|\son\w+=/);
  });
});
