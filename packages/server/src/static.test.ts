import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backends, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe('serving the web application', () => {
  const web = tempDir();
  const outside = tempDir();
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(join(web.dir, 'assets'));
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Corridor web</title>');
    writeFileSync(join(web.dir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(outside.dir, 'secret.txt'), 'not for the web');
    server = await startTestServer(backends[0]!, { webRoot: web.dir });
  });
  afterAll(async () => {
    await server.close();
    web.cleanup();
    outside.cleanup();
  });

  it('serves files, falls back to index.html for app routes, and keeps API 404s', async () => {
    const page = await server.app.inject({ url: '/' });
    expect(page.body).toContain('Corridor web');
    const js = await server.app.inject({ url: '/assets/app.js' });
    expect([js.statusCode, js.headers['content-type']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect((await server.app.inject({ url: '/cases/C-0001' })).body).toContain('Corridor web');
    expect((await server.app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await server.app.inject({ url: '/api/nothing' });
    expect([api.statusCode, api.json().error]).toEqual([404, 'route-not-found']);
  });

  it('never serves a file outside its folder', async () => {
    const name = outside.dir.split('/').at(-1);
    for (const url of [
      `/../${name}/secret.txt`,
      `/%2e%2e/${name}/secret.txt`,
      `/assets/..%2f..%2f${name}%2fsecret.txt`,
    ]) {
      const r = await server.app.inject({ url });
      expect(r.body).not.toContain('not for the web');
    }
  });
});
