import { createRandom, generateDemo, type Random } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonSchema } from './openapi/document.js';
import { apiRoutes } from './routes/index.js';
import { startTestServer, testPassword, type TestServer } from './test-support/test-server.js';

const demo = generateDemo({ people: 40, seed: 8 });
// 60 per route: at 120 the two backends took 191 s and 167 s of one CI run (of 300 s allowed) on
// a 2-core machine, and the whole suite came within a minute of its 30-minute budget; the routes
// keep growing (about 150 now), so the count per route comes down to keep the file's time.
const casesPerRoute = 60;

const strings = [
  '',
  ' ',
  'verified',
  'merge',
  'admin',
  'C-0001',
  'P-00001',
  '../../etc/passwd',
  '%00',
  '\u0000\u0001\u001f',
  '\ud800',
  '😀'.repeat(50),
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '__proto__',
  'constructor',
  '1e400',
  '-1',
  '9007199254740993',
];

function randomString(r: Random): string {
  if (r.chance(0.5)) return r.pick(strings);
  const length = r.int(0, 40);
  let s = '';
  for (let i = 0; i < length; i++)
    s += String.fromCodePoint(r.chance(0.8) ? r.int(32, 126) : r.int(0, 0x2fff));
  return s;
}

/** Percent-encodes; a lone surrogate becomes bytes that are not UTF-8, which a server must survive. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80%FF';
  }
}

function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(0, depth > 3 ? 4 : 7)) {
    case 0:
      return null;
    case 1:
      return r.chance(0.5);
    case 2:
      return r.pick([0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, 3]);
    case 3:
    case 4:
      return randomString(r);
    case 5:
      return Array.from({ length: r.int(0, 4) }, () => randomValue(r, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: r.int(0, 4) }, () => [randomString(r), randomValue(r, depth + 1)]),
      );
  }
}

/** A body: random JSON, a mutation of the route's own fields, or bytes that are not JSON at all. */
function randomBody(r: Random, keys: string[]): { payload: string; type: string } {
  const json = (v: unknown) => ({ payload: JSON.stringify(v) ?? 'null', type: 'application/json' });
  switch (r.int(0, 6)) {
    case 0:
      return json(randomValue(r));
    case 1:
    case 2:
      return json(
        Object.fromEntries(keys.filter(() => r.chance(0.8)).map((k) => [k, randomValue(r)])),
      );
    case 3: {
      const text = JSON.stringify(Object.fromEntries(keys.map((k) => [k, randomValue(r)])));
      return { payload: text.slice(0, r.int(0, text.length)), type: 'application/json' };
    }
    case 4:
      return { payload: '['.repeat(r.int(1, 3000)), type: 'application/json' };
    case 5:
      return {
        payload: randomString(r),
        type: r.pick(['text/plain', 'application/xml', 'multipart/form-data', '']),
      };
    default:
      return {
        payload: `{"__proto__":{"admin":true},"${r.pick(keys) ?? 'a'}":1}`,
        type: 'application/json',
      };
  }
}

describe.each(backends)('fuzzing every JSON route on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { bodyLimit: 64 * 1024 }, demo);
  });
  afterAll(async () => server.close());

  it(`answers ${casesPerRoute} random requests per route with 4xx or success, never 5xx`, async () => {
    const random = createRandom(20310630);
    let token = server.tokens.admin;
    const problems: string[] = [];
    let sent = 0;
    for (const route of apiRoutes) {
      const keys = route.spec.body
        ? Object.keys((jsonSchema(route.spec.body) as { properties?: object }).properties ?? {})
        : [];
      for (let i = 0; i < casesPerRoute; i++) {
        const url =
          route.path.replace(/:\w+/g, () => encode(randomString(random)) || 'x') +
          (random.chance(0.3)
            ? `?${encode(randomString(random))}=${encode(randomString(random))}&after=${encode(randomString(random))}`
            : '');
        const { payload, type } = randomBody(random, keys);
        const r = await server.app.inject({
          method: route.method,
          url,
          headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) },
          ...(route.method === 'GET' ? {} : { payload }),
        });
        sent++;
        const body = r.headers['content-type']?.toString().includes('json') ? r.json() : undefined;
        if (r.statusCode >= 500)
          problems.push(
            `${route.key} ${url} ${payload.slice(0, 80)} → ${r.statusCode} ${r.body.slice(0, 200)}`,
          );
        if (r.statusCode >= 400 && !(typeof body?.message === 'string' && body.message.length > 0))
          problems.push(`${route.key} → ${r.statusCode} without a message`);
        if (
          r.statusCode >= 400 &&
          (body?.status !== r.statusCode || !/^[a-z-]+$/.test(body?.error))
        )
          problems.push(`${route.key} → ${r.statusCode} outside the error catalogue: ${r.body}`);
        if (r.statusCode === 401) {
          const again = await server.app.inject({
            method: 'POST',
            url: '/api/login',
            payload: { username: 'admin', password: testPassword },
          });
          token = again.json().token;
        }
      }
    }
    expect(sent).toBe(apiRoutes.length * casesPerRoute);
    expect(problems.slice(0, 10)).toEqual([]);
    // Its work grows with the routes (about 150 routes × 60 requests); 60 s was too short for two files at once.
  }, 300_000);
});
