import { backends } from '@corridor/storage/test-support';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from '../options.js';
import { startTestServer, testPassword, type TestServer } from '../test-support/test-server.js';

/** The attributes of a Set-Cookie header, lower-cased, without the value. */
function attributes(setCookie: string): string[] {
  return setCookie
    .split(';')
    .slice(1)
    .map((a) => a.trim().toLowerCase())
    .filter((a) => !a.startsWith('expires=') && a !== 'max-age=0')
    .sort();
}

describe('the session cookie behind HTTPS and over plain HTTP', { timeout: 300_000 }, () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());
  const start = async (options: ServerOptions) => {
    server = await startTestServer(backends[0]!, options);
    return server;
  };
  const https = { 'x-forwarded-proto': 'https' };
  const login = (s: TestServer, headers: Record<string, string> = {}) =>
    s.app.inject({
      method: 'POST',
      url: '/api/login',
      headers,
      payload: { username: 'planner', password: testPassword },
    });

  it('behind a trusted proxy saying https: HSTS and a __Host-, Secure cookie, cleared alike at logout', async () => {
    const s = await start({ trustProxy: true });
    const r = await login(s, https);
    expect(r.statusCode).toBe(200);
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^__Host-corridor_session=[\w-]{43};/);
    expect(attributes(set)).toEqual(['httponly', 'path=/', 'samesite=strict', 'secure']);
    const token = r.json().token as string;
    const cookies = { '__Host-corridor_session': token };
    expect((await s.app.inject({ url: '/api/me', headers: https, cookies })).statusCode).toBe(200);
    const out = await s.app.inject({ method: 'POST', url: '/api/logout', headers: https, cookies });
    expect(out.statusCode).toBe(200);
    const cleared = String(out.headers['set-cookie']);
    expect(cleared).toMatch(/^__Host-corridor_session=;/);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(attributes(cleared)).toEqual(attributes(set));
    expect((await s.app.inject({ url: '/api/me', headers: https, cookies })).statusCode).toBe(401);
  });

  it('over plain HTTP: the old cookie name, HttpOnly and SameSite=Strict, no Secure, no HSTS', async () => {
    const s = await start({ trustProxy: true });
    const r = await login(s);
    expect(r.headers['strict-transport-security']).toBeUndefined();
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^corridor_session=[\w-]{43};/);
    expect(attributes(set)).toEqual(['httponly', 'path=/', 'samesite=strict']);
    const cookies = { corridor_session: r.json().token as string };
    const out = await s.app.inject({ method: 'POST', url: '/api/logout', cookies });
    const cleared = String(out.headers['set-cookie']);
    expect(cleared).toMatch(/^corridor_session=;/);
    expect(attributes(cleared)).toEqual(attributes(set));
  });

  it('ignores X-Forwarded-Proto from an untrusted client; --secure-cookies forces HTTPS mode', async () => {
    const s = await start({});
    const spoofed = await login(s, https);
    expect(String(spoofed.headers['set-cookie'])).toMatch(/^corridor_session=/);
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
    await s.close();
    const forced = await start({ secureCookie: true });
    const r = await login(forced);
    expect(String(r.headers['set-cookie'])).toMatch(/^__Host-corridor_session=.*; Secure/);
    expect(r.headers['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
