/**
 * The zip bomb against a listening server: a 1 MB XLSX that truly declares 1 GB is refused fast
 * with a 413 naming the limit, while /healthz keeps answering and memory stays put. The bomb is
 * sent by curl in its own process, so only the server's own work counts in this process.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { xlsxBomb } from '@corridor/formats/test-support';
import { backends, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

/**
 * POSTs a JSON file with curl after `delay` seconds (so starting the process is not counted);
 * resolves with the status, the body and the time curl measured.
 */
function curlPost(url: string, token: string, file: string, delay: number) {
  return new Promise<{ status: number; body: string; seconds: number }>((resolve, reject) => {
    const curl = spawn('sh', [
      '-c',
      `sleep ${delay}; exec curl -sS -X POST "$0" -H 'content-type: application/json' -H "authorization: Bearer $1" --data-binary "@$2" -w '\n%{http_code} %{time_total}'`,
      url,
      token,
      file,
    ]);
    let out = '';
    curl.stdout.on('data', (d: Buffer) => (out += d.toString()));
    curl.on('error', reject);
    curl.on('close', () => {
      const [status, seconds] = out.slice(out.lastIndexOf('\n') + 1).split(' ');
      resolve({
        status: Number(status),
        body: out.slice(0, out.lastIndexOf('\n')),
        seconds: Number(seconds),
      });
    });
  });
}

describe('POST /api/import with a zip bomb', () => {
  let server: TestServer;
  let base: string;
  const files = tempDir();
  beforeAll(async () => {
    server = await startTestServer(backends[0]!, {}, generateDemo({ people: 30, seed: 5 }));
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => (await server.close(), files.cleanup()));

  it('refuses a 1 MB workbook declaring 1 GB in under 2 s; /healthz stays under 200 ms; memory < 200 MB', async () => {
    const bomb = xlsxBomb(1024);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
    const file = join(files.dir, 'bomb.json');
    writeFileSync(file, JSON.stringify({ name: 'bomb.xlsx', content: bomb.toString('base64') }));
    await (await fetch(`${base}/healthz`)).arrayBuffer();
    const sent = curlPost(`${base}/api/import`, server.tokens.registrar, file, 0.5);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const latencies: number[] = [];
    let done = false;
    const probe = (async () => {
      while (!done) {
        const started = performance.now();
        const r = await fetch(`${base}/healthz`);
        expect(r.status).toBe(200);
        await r.arrayBuffer();
        latencies.push(performance.now() - started);
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const answer = await sent;
    // Keep probing after the refusal: nothing may go on inflating in the background.
    await new Promise((resolve) => setTimeout(resolve, 300));
    done = true;
    await probe;
    const grownMb = (rssPeak - rssBefore) / 1024 / 1024;
    const slowest = Math.max(...latencies);
    console.log(
      `bomb refused in ${(answer.seconds * 1000).toFixed(0)} ms; /healthz slowest ${slowest.toFixed(0)} ms over ${latencies.length} probes; rss +${grownMb.toFixed(0)} MB`,
    );
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body) as { error: string; message: string };
    expect(body.error).toBe('archive-limit');
    expect(body.message).toMatch(/maxInflatedBytes/);
    expect(answer.seconds).toBeLessThan(2);
    expect(latencies.length).toBeGreaterThan(5);
    expect(slowest).toBeLessThan(200);
    expect(grownMb).toBeLessThan(200);
  }, 60_000);
});
