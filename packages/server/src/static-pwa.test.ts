import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backends, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

/** The CSP directive that governs `kind`, falling back to default-src as browsers do. */
function directive(csp: string, kind: string): string | undefined {
  const parts = new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }),
  );
  const chain: Record<string, string[]> = {
    'worker-src': ['worker-src', 'child-src', 'script-src', 'default-src'],
    'manifest-src': ['manifest-src', 'default-src'],
    'connect-src': ['connect-src', 'default-src'],
  };
  for (const name of chain[kind] ?? [kind]) if (parts.has(name)) return parts.get(name);
  return undefined;
}

describe('serving the installable web application (service worker and manifest)', () => {
  const web = tempDir();
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(join(web.dir, 'assets'));
    // What the web build (vite-plugin-pwa) writes beside index.html.
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Corridor web</title>');
    writeFileSync(join(web.dir, 'sw.js'), 'importScripts("./workbox-1a2b3c4d.js");');
    writeFileSync(join(web.dir, 'workbox-1a2b3c4d.js'), 'self.workbox = {};');
    writeFileSync(join(web.dir, 'registerSW.js'), "navigator.serviceWorker.register('/sw.js')");
    writeFileSync(join(web.dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Corridor' }));
    server = await startTestServer(backends[0]!, { webRoot: web.dir });
  });
  afterAll(async () => {
    await server.close();
    web.cleanup();
  });

  it('sends sw.js as JavaScript, revalidated on every check, so an update is never stuck', async () => {
    const r = await server.app.inject({ url: '/sw.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    // Browsers refuse a worker whose scope is wider than its folder unless this header says so:
    // at the root it needs none.
    expect(r.headers['service-worker-allowed']).toBeUndefined();
    for (const url of ['/workbox-1a2b3c4d.js', '/registerSW.js']) {
      const s = await server.app.inject({ url });
      expect([s.statusCode, s.headers['content-type']], url).toEqual([
        200,
        'text/javascript; charset=utf-8',
      ]);
    }
  });

  it('sends the web app manifest with its media type, revalidated', async () => {
    const r = await server.app.inject({ url: '/manifest.webmanifest' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.json()).toEqual({ name: 'Corridor' });
  });

  it('lets the page register its own worker and manifest, and nothing from elsewhere', async () => {
    const r = await server.app.inject({ url: '/' });
    const csp = String(r.headers['content-security-policy']);
    expect(directive(csp, 'worker-src')).toBe("'self'");
    expect(directive(csp, 'manifest-src')).toBe("'self'");
    // The worker's fetches (precaching the shell) fall under connect-src: same origin only.
    expect(directive(csp, 'connect-src')).toBe("'self'");
    // A missing worker is a 404, not index.html (a browser would otherwise install the page as one).
    expect((await server.app.inject({ url: '/missing-sw.js' })).statusCode).toBe(404);
  });
});
