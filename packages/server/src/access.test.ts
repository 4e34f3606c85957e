import {
  generateDemo,
  mayCall,
  roles,
  routeAccess,
  type Role,
  type RouteKey,
} from '@corridor/core';
import { backends, tempDir } from '@corridor/storage/test-support';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredRoutes } from './access-guard.js';
import { buildApp } from './app.js';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const demo = generateDemo({ people: 60, seed: 3 });
const web = tempDir();
writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>web</title>');
afterAll(web.cleanup);

/** A concrete URL for a route pattern; ids that exist where that matters, harmless otherwise. */
function urlOf(key: RouteKey): { method: string; url: string } {
  const [method, pattern] = key.split(' ') as [string, string];
  const url = pattern
    .replace(':username', 'nobody')
    .replace('/api/persons/:id', '/api/persons/P-none')
    .replace('/api/cases/:id', `/api/cases/${demo.households[0]!.id}`)
    .replace(':id', '1')
    .replace('/*', '/some/page');
  return { method, url };
}

/** Routes in the order the matrix calls them: logging out last, so each session lives on. */
const keys = (Object.keys(routeAccess) as RouteKey[]).sort(
  (a, b) => Number(a === 'POST /api/logout') - Number(b === 'POST /api/logout'),
);

describe.each(backends)('the access table on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { webRoot: web.dir }, demo);
  });
  afterAll(async () => server.close());

  it('registers exactly the routes the table lists', () => {
    expect(registeredRoutes(server.app).sort()).toEqual([...keys].sort());
  });

  it('lets every role call exactly the routes the table gives it', async () => {
    const unexpected: string[] = [];
    for (const key of keys) {
      for (const role of [...roles, null] as (Role | null)[]) {
        const { method, url } = urlOf(key);
        const r = await server.as(role, { method: method as 'GET', url, payload: {} });
        const body = String(r.headers['content-type']).includes('json') ? r.json() : {};
        const isPublic = routeAccess[key] === 'public';
        if (role === null) {
          if (!isPublic && r.statusCode !== 401)
            unexpected.push(`${key} anonymous → ${r.statusCode}`);
          if (isPublic && r.statusCode === 401) unexpected.push(`${key} public but 401`);
          continue;
        }
        const refused = r.statusCode === 403 && body.error === 'route-forbidden';
        if (refused !== !mayCall(key, role))
          unexpected.push(`${key} as ${role} → ${r.statusCode} ${body.error ?? ''}`);
        if (refused && !String(body.message).includes(key))
          unexpected.push(`${key} as ${role}: the refusal does not name the route`);
        if (r.statusCode === 401 || r.statusCode >= 500)
          unexpected.push(`${key} as ${role} → ${r.statusCode} ${body.message ?? ''}`);
      }
    }
    expect(unexpected).toEqual([]);
  });
});

describe('the route guard', () => {
  it('refuses a route missing from the table, and a role route outside the pipeline', async () => {
    const { store, close } = await backends[0]!.fresh();
    try {
      const app = await buildApp(store);
      expect(() => app.get('/api/secret', async () => 'x')).toThrow(/not in core's routeAccess/);
      expect(() => app.get('/api/status', async () => 'x')).toThrow(
        /must be defined with defineRoute/,
      );
      await app.close();
    } finally {
      await close();
    }
  });
});
