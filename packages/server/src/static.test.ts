import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { backends, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

describe('serving the web application', () => {
  const web = tempDir();
  const outside = tempDir();
  const hashed = 'index-Dq3x9Z_a.js';
  const script = `export const big = ${JSON.stringify('corridor '.repeat(2000))};`;
  let server: TestServer;
  beforeAll(async () => {
    mkdirSync(join(web.dir, 'assets'));
    writeFileSync(join(web.dir, 'index.html'), '<!doctype html><title>Corridor web</title>');
    writeFileSync(join(web.dir, 'assets', 'app.js'), 'console.log(1)');
    // What the web build writes: a hashed asset and its precompressed siblings.
    writeFileSync(join(web.dir, 'assets', hashed), script);
    writeFileSync(join(web.dir, 'assets', `${hashed}.br`), brotliCompressSync(script));
    writeFileSync(join(web.dir, 'assets', `${hashed}.gz`), gzipSync(script));
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

  it('sends a hashed asset compressed when asked, cached for a year; index.html revalidated', async () => {
    const url = `/assets/${hashed}`;
    const br = await server.app.inject({
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    // The security headers stay on static files.
    expect(br.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(br.headers['x-content-type-options']).toBe('nosniff');

    const gz = await server.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await server.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    for (const page of ['/', '/index.html', '/registry']) {
      const r = await server.app.inject({ url: page, headers: { 'accept-encoding': 'br' } });
      expect([r.statusCode, r.headers['cache-control']], page).toEqual([200, 'no-cache']);
      expect(r.headers['content-type']).toMatch(/^text\/html/);
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'/);
    }
    // no-cache means "ask again": an unchanged index.html answers 304.
    const first = await server.app.inject({ url: '/' });
    const again = await server.app.inject({
      url: '/',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
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
