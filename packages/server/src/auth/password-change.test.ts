import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, testPassword, type TestServer } from '../test-support/test-server.js';
import { commonPasswordCount, isCommonPassword } from '@corridor/commands';

describe('the list of common and breached passwords', () => {
  it('is large, offline, and catches common passwords alone, in capitals, repeated or joined', () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
    for (const p of [
      'qwerty123456',
      'Password123456',
      'iloveyou1234',
      'monkeymonkey',
      'dragon2000dragon',
    ])
      expect([p, isCommonPassword(p)]).toEqual([p, p !== 'dragon2000dragon']);
    expect(isCommonPassword(testPassword)).toBe(false);
    expect(isCommonPassword('gravel lantern okapi thursday')).toBe(false);
  });
});

describe.each(backends)('changing a password on $name', (backend) => {
  let server: TestServer;
  const fresh = 'gravel lantern okapi thursday';
  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => server.close());

  const change = (token: string, body: object) =>
    server.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { authorization: `Bearer ${token}` },
      payload: body,
    });
  const login = (username: string, password: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/login',
      remoteAddress: '198.51.100.7',
      payload: { username, password },
    });

  it('refuses a common password for a new account with a clear message, and writes nothing', async () => {
    const r = await server.as('admin', {
      method: 'POST',
      url: '/api/users',
      payload: { username: 'weak.one', role: 'planner', password: 'Password123456' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toMatch(
      /^invalid body at password: is too common: it is on a list of 4\d,\d{3} passwords seen in breaches/,
    );
    expect(await server.store.users.credentials('weak.one')).toBeUndefined();
  });

  it('needs the right current password and a new one that is not common; then only this session stays', async () => {
    const other = (await login('planner', testPassword)).json().token as string;
    const own = server.tokens.planner;
    const before = (await server.store.users.credentials('planner'))!.passwordHash;

    const wrong = await change(own, { current: 'not the password', next: fresh });
    expect([wrong.statusCode, wrong.json().message]).toEqual([
      400,
      'current: the current password is wrong',
    ]);
    const common = await change(own, { current: testPassword, next: 'qwertyuiop123' });
    expect(common.statusCode).toBe(400);
    expect(common.json().message).toMatch(/^invalid body at next: is too common/);
    const short = await change(own, { current: testPassword, next: 'short' });
    expect(short.json().message).toMatch(/next: must have at least 12 characters/);
    expect((await server.store.users.credentials('planner'))!.passwordHash).toBe(before);

    const ok = await change(own, { current: testPassword, next: fresh });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, sessionsEnded: 1 });
    // The session that changed it goes on; the other one ended; old password out, new one in.
    expect(
      (await server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${own}` } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${other}` } }))
        .statusCode,
    ).toBe(401);
    expect((await login('planner', testPassword)).statusCode).toBe(401);
    expect((await login('planner', fresh)).statusCode).toBe(200);
    const events = await server.store.audit.events(0);
    expect(events.filter((e) => e.action === 'user.password').map((e) => e.detail)).toEqual([
      { sessionsEnded: 1, self: true },
    ]);
    expect(JSON.stringify(events)).not.toContain(fresh);
  });

  it('lets no one change another user’s password through /api/me', async () => {
    const r = await change(server.tokens.registrar, {
      current: testPassword,
      next: 'another okapi lantern gravel',
    });
    expect(r.statusCode).toBe(200);
    expect((await login('planner', 'another okapi lantern gravel')).statusCode).toBe(401);
    expect((await login('registrar', 'another okapi lantern gravel')).statusCode).toBe(200);
  });
});
