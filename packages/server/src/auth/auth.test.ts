import { permissionsOf } from '@corridor/core';
import { backends, freshPostgresUrl, tempDir, testEnv } from '@corridor/storage/test-support';
import { openStore } from '@corridor/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { startTestServer, testPassword, type TestServer } from '../test-support/test-server.js';

const login = (username: string, password = testPassword, ip = '10.1.1.1') => ({
  method: 'POST' as const,
  url: '/api/login',
  remoteAddress: ip,
  payload: { username, password },
});

describe.each(backends)('logging in on $name', (backend) => {
  let server: TestServer;
  let now: Date;
  beforeEach(async () => {
    now = new Date('2031-03-01T08:00:00Z');
    server = await startTestServer(backend, { clock: () => now });
  });
  afterEach(async () => server.close());

  it('returns a token and sets an HttpOnly, SameSite=Strict cookie; both open a session', async () => {
    const r = await server.app.inject(login('planner'));
    expect(r.statusCode).toBe(200);
    const { token } = r.json();
    expect(Object.keys(r.json())).toEqual(['token']);
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^corridor_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const viaBearer = await server.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaBearer.json()).toMatchObject({ username: 'planner', role: 'planner' });
    // The web reads the allowed actions from here instead of guessing from the role.
    expect(viaBearer.json().permissions).toEqual(permissionsOf('planner'));
    expect(viaBearer.json().permissions).toContain('case.transition');
    expect(viaBearer.json().permissions).not.toContain('user.manage');
    const viaCookie = await server.app.inject({
      url: '/api/me',
      cookies: { corridor_session: token },
    });
    expect(viaCookie.json().username).toBe('planner');
    // Only a hash of the token is stored.
    const stored = await server.store.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('answers a wrong password and an unknown user alike, in similar time', async () => {
    const wrong = await server.app.inject(login('planner', 'not the password'));
    const unknown = await server.app.inject(login('nobody-here', 'not the password'));
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    const time = async (username: string) => {
      // Keep the account below the lockout, so every sample does the full password check.
      await server.store.sessions.clearHits('login-fail', `${username}|10.9.9.9`);
      const t = performance.now();
      const r = await server.app.inject(login(username, 'not the password', '10.9.9.9'));
      expect(r.statusCode).toBe(401);
      return performance.now() - t;
    };
    const samples = { wrong: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 16; i++) {
      samples.wrong.push(await time(`auditor`));
      samples.unknown.push(await time(`ghost-${i}`));
    }
    // A busy machine only ever adds time, so the lower quartile is the figure least moved by
    // other work. Skipping the password hash for an unknown name made the ratio 3.0 (measured).
    const quartile = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 2]!;
    const ratio = quartile(samples.wrong) / quartile(samples.unknown);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // The audit log records the failure of a real account, never a name that is no account.
    const failed = (await server.store.audit.events(0, 1000)).filter(
      (e) => e.action === 'auth.login-failed',
    );
    expect(failed.map((e) => e.entityId)).toContain('planner');
    expect(JSON.stringify(failed)).not.toContain('nobody-here');
    expect(JSON.stringify(failed)).not.toContain('ghost');
  });

  it('locks a username after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await server.app.inject(login('registrar', `wrong ${i}`))).statusCode).toBe(401);
    const locked = await server.app.inject(login('registrar'));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('login-locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await server.app.inject(login('registrar'))).statusCode).toBe(200);
  });

  it('ends sessions on logout, after the idle time and when the user is disabled', async () => {
    const me = (token: string) =>
      server.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    const { token } = (await server.app.inject(login('auditor'))).json();
    now = new Date(now.getTime() + 11 * 3_600_000);
    expect((await me(token)).statusCode).toBe(200);
    now = new Date(now.getTime() + 12 * 3_600_000 + 1000);
    const expired = await me(token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toBe('session-expired');

    const second = (await server.app.inject(login('auditor'))).json().token as string;
    const out = await server.app.inject({
      method: 'POST',
      url: '/api/logout',
      headers: { authorization: `Bearer ${second}` },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/corridor_session=;/);
    expect((await me(second)).statusCode).toBe(401);

    const third = (await server.app.inject(login('planner'))).json().token as string;
    const admin = (await server.app.inject(login('admin'))).json().token as string;
    const disabled = await server.app.inject({
      method: 'POST',
      url: '/api/users/planner/disable',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(disabled.json()).toMatchObject({ username: 'planner', disabled: true });
    expect((await me(third)).statusCode).toBe(401);
    expect((await server.app.inject(login('planner'))).statusCode).toBe(401);
    const actions = (await server.store.audit.events(0, 1000)).map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.logout')).toHaveLength(1);
    expect(actions).toContain('user.disable');
  });

  it('says who is not logged in, and tells a bad token from none', async () => {
    const none = await server.app.inject({ url: '/api/status' });
    expect(none.statusCode).toBe(401);
    expect(none.json().error).toBe('unauthenticated');
    const bad = await server.app.inject({
      url: '/api/status',
      headers: { authorization: 'Bearer ' + 'x'.repeat(43) },
    });
    expect(bad.json().error).toBe('session-expired');
  });
});

describe.each(backends)('request limits on $name', (backend) => {
  let server: TestServer;
  const now = new Date('2031-03-01T08:00:00Z');
  beforeEach(async () => {
    server = await startTestServer(backend, {
      clock: () => now,
      loginPerIpPerMinute: 3,
      requestsPerMinutePerToken: 5,
    });
  });
  afterEach(async () => server.close());

  it('limits logins per IP address', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push((await server.app.inject(login('planner', 'x', '10.7.7.7'))).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await server.app.inject(login('planner', testPassword, '10.7.7.8'))).statusCode).toBe(
      200,
    );
  });

  it('limits requests per token and says when to retry', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++)
      codes.push((await server.as('auditor', { url: '/api/me' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
    const r = await server.as('auditor', { url: '/api/me' });
    expect(r.json().error).toBe('too-many-requests');
    expect(r.headers['retry-after']).toBe('60');
    expect((await server.as('planner', { url: '/api/me' })).statusCode).toBe(200);
  });
});

describe('limits shared by several server processes on one PostgreSQL database', () => {
  it('lock a username out whichever process sees the failures', async () => {
    const databaseUrl = await freshPostgresUrl();
    // The folder holds the database's key files: both processes share it, as servers must.
    const keys = tempDir();
    const open = () => openStore({ dataDir: keys.dir, databaseUrl, create: true }, testEnv);
    const [a, b] = [await open(), await open()];
    try {
      const { hashPassword } = await import('./passwords.js');
      const passwordHash = await hashPassword(testPassword);
      await a.users.add(
        { username: 'po', role: 'protection-officer', passwordHash },
        { name: 't', role: 'admin' },
      );
      const apps = [await buildApp(a), await buildApp(b)];
      for (let i = 0; i < 5; i++) {
        const r = await apps[i % 2]!.inject(login('po', `wrong ${i}`));
        expect(r.statusCode).toBe(401);
      }
      for (const app of apps)
        expect((await app.inject(login('po'))).json().error).toBe('login-locked');
      await Promise.all(apps.map((app) => app.close()));
    } finally {
      await a.close();
      await b.close();
    }
  });
});
