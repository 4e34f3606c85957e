import { roles } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, testPassword, type TestServer } from '../test-support/test-server.js';

/** The address each test user logged in from when the test server started (known to it). */
const knownAddress = (role: string) => `192.0.2.${roles.indexOf(role as never) + 1}`;

describe(
  'failed logins slow the attacker without locking the user out',
  { timeout: 300_000 },
  () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startTestServer(backends[0]!);
    });
    afterEach(async () => server.close());

    const login = (username: string, password: string, ip: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/login',
        remoteAddress: ip,
        payload: { username, password },
      });

    it("a stranger's 50 wrong guesses stop the stranger, not the user at another address", async () => {
      const codes: number[] = [];
      for (let i = 0; i < 50; i++)
        codes.push((await login('planner', `guess number ${i}`, '203.0.113.66')).statusCode);
      expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(new Set(codes.slice(5))).toEqual(new Set([429]));
      // Even the right password is refused from the stranger's address for now...
      expect((await login('planner', testPassword, '203.0.113.66')).statusCode).toBe(429);
      // ...while the user logs in from a new address and from a known one.
      expect((await login('planner', testPassword, '198.51.100.20')).statusCode).toBe(200);
      expect((await login('planner', testPassword, knownAddress('planner'))).statusCode).toBe(200);
    });

    it('guesses spread over many addresses stop new addresses for that user; known ones still work', async () => {
      let refused = 0;
      for (let i = 0; i < 50; i++) {
        const r = await login('registrar', `guess number ${i}`, `203.0.113.${100 + (i >> 1)}`);
        if (r.statusCode === 429) refused++;
        else expect(r.statusCode).toBe(401);
      }
      // After 20 failures the account answers new addresses with 429 without trying the password.
      expect(refused).toBe(30);
      const fresh = await login('registrar', testPassword, '198.51.100.30');
      expect([fresh.statusCode, fresh.json().error]).toEqual([429, 'login-locked']);
      expect(fresh.json().message).toMatch(/from an address where you logged in before/);
      expect((await login('registrar', testPassword, knownAddress('registrar'))).statusCode).toBe(
        200,
      );
      // Other users are untouched.
      expect((await login('auditor', testPassword, '198.51.100.30')).statusCode).toBe(200);
    });

    it('one address failing for many usernames is stopped; other addresses are not', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 55; i++)
        codes.push((await login(`someone-${i}`, 'a wrong password', '203.0.113.7')).statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(50);
      expect(codes.slice(50)).toEqual([429, 429, 429, 429, 429]);
      expect((await login('planner', testPassword, '203.0.113.7')).statusCode).toBe(429);
      expect((await login('planner', testPassword, '203.0.113.8')).statusCode).toBe(200);
    });
  },
);
