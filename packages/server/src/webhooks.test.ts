/**
 * Webhooks against real receivers on localhost: signed as Standard Webhooks specifies (checked with
 * that standard's library), retried with the same webhook-id after a refusal, cut off when a
 * receiver hangs, refused for bad URLs and other roles, and durable across a restart.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deliverDue } from '@corridor/commands';
import { generateDemo } from '@corridor/core';
import { backends, pgliteBackend } from '@corridor/storage/test-support';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A receiver: /ok answers 204, /flaky refuses the first call with 500, /hang never answers. */
async function startReceiver(): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let flaky = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body, at: Date.now() });
      if (req.url === '/hang') return;
      if (req.url === '/flaky' && flaky++ === 0) return void res.writeHead(500).end('not yet');
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received, server };
}

const until = async (check: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  return check();
};

describe.each(backends)('webhooks on $name', (backend) => {
  let server: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer(
      backend,
      { webhookPollMs: 100, webhookTimeoutMs: 1000 },
      generateDemo({ people: 20, seed: 2 }),
    );
  });
  afterAll(async () => {
    receiver.server.closeAllConnections();
    receiver.server.close();
    await server.close();
  });

  const add = (role: 'admin' | 'auditor' | 'planner', payload: Record<string, unknown>) =>
    server.as(role, { method: 'POST', url: '/api/webhooks', payload });

  it('refuses bad URLs and other roles, naming the field, and writes nothing', async () => {
    const bad = [
      'ftp://127.0.0.1/x',
      'http://user:pw@127.0.0.1/x',
      'not a url',
      'http://localhost:80/api/whatever',
    ];
    for (const url of bad) {
      const r = await add('admin', { url, events: ['movement.changed'] });
      expect(r.statusCode, url).toBe(400);
      expect(r.json().message).toMatch(/url/);
    }
    const unknownEvent = await add('admin', {
      url: `${receiver.url}/ok`,
      events: ['movement.lost'],
    });
    expect(unknownEvent.statusCode).toBe(400);
    for (const role of ['auditor', 'planner'] as const)
      expect(
        (await add(role, { url: `${receiver.url}/ok`, events: ['plan.published'] })).statusCode,
      ).toBe(403);
    const list = await server.as('auditor', { method: 'GET', url: '/api/webhooks' });
    expect(list.json()).toEqual([]);
  });

  it('answers a whsec_ secret once and delivers a ping its receiver can verify', async () => {
    const r = await add('admin', {
      id: 'wh-ok',
      url: `${receiver.url}/ok`,
      events: ['movement.changed'],
    });
    expect(r.statusCode).toBe(201);
    const { secret } = r.json() as { secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const listed = await server.as('auditor', { method: 'GET', url: '/api/webhooks' });
    expect(JSON.stringify(listed.json())).not.toContain(secret.slice(6, 20));

    const ping = await server.as('admin', {
      method: 'POST',
      url: '/api/webhooks/wh-ok/ping',
      payload: {},
    });
    expect(ping.statusCode).toBe(202);
    expect(await until(() => receiver.received.some((x) => x.path === '/ok'), 10_000)).toBe(true);
    const got = receiver.received.find((x) => x.path === '/ok')!;
    const event = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
    };
    expect(event.type).toBe('webhook.ping');
    expect(got.headers['webhook-id']).toBe(ping.json().msgId);
    // Another secret, or a changed body, does not verify.
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
        got.body,
        got.headers as Record<string, string>,
      ),
    ).toThrow();
    expect(() =>
      new Webhook(secret).verify(
        got.body.replace('ping', 'pong'),
        got.headers as Record<string, string>,
      ),
    ).toThrow();
    // The receiver has the request before the worker records its answer: wait for the record.
    const log = async () =>
      (
        await server.as('auditor', { method: 'GET', url: '/api/webhooks/deliveries?webhook=wh-ok' })
      ).json()[0] as { status: string };
    expect(await until(async () => (await log()).status !== 'pending', 10_000)).toBe(true);
    expect(await log()).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204 });
  });

  it('retries a refused delivery within 30 s with the same webhook-id', async () => {
    await add('admin', {
      id: 'wh-flaky',
      url: `${receiver.url}/flaky`,
      events: ['plan.published'],
    });
    await server.as('admin', { method: 'POST', url: '/api/webhooks/wh-flaky/ping', payload: {} });
    expect(
      await until(() => receiver.received.filter((x) => x.path === '/flaky').length >= 2, 30_000),
    ).toBe(true);
    const [first, second] = receiver.received.filter((x) => x.path === '/flaky');
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.at - first!.at).toBeLessThan(30_000);
    const delivered = async () =>
      (
        await server.as('admin', {
          method: 'GET',
          url: '/api/webhooks/deliveries?webhook=wh-flaky',
        })
      ).json()[0] as { status: string; attempts: number; lastStatus: number };
    let after = await delivered();
    for (let i = 0; i < 50 && after.status !== 'delivered'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await delivered();
    }
    expect(after).toMatchObject({ status: 'delivered', attempts: 2, lastStatus: 204 });
  });

  it('cuts off a receiver that hangs, and the server keeps answering', async () => {
    await add('admin', { id: 'wh-hang', url: `${receiver.url}/hang`, events: ['plan.published'] });
    await server.as('admin', { method: 'POST', url: '/api/webhooks/wh-hang/ping', payload: {} });
    expect(await until(() => receiver.received.some((x) => x.path === '/hang'), 10_000)).toBe(true);
    // The delivery waits on its own: the server answers while the receiver hangs.
    expect((await server.as(null, { method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const latest = async () =>
      (
        await server.as('admin', { method: 'GET', url: '/api/webhooks/deliveries?webhook=wh-hang' })
      ).json()[0] as { lastError: string | null; status: string };
    let last = await latest();
    for (let i = 0; i < 100 && last.lastError === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      last = await latest();
    }
    expect(last).toMatchObject({ status: 'pending', lastError: 'no answer within 1000 ms' });
  });
});

describe('webhook deliveries across a restart', () => {
  it('sends after reopening what was queued before the process stopped', async () => {
    const receiver = await startReceiver();
    const fresh = await pgliteBackend.fresh();
    try {
      await fresh.store.webhooks.add(
        {
          id: 'wh-r',
          url: `${receiver.url}/ok`,
          events: ['plan.published'],
          secret: `whsec_${Buffer.alloc(32, 3).toString('base64')}`,
        },
        { name: 'test', role: 'admin' },
      );
      const queued = await fresh.store.webhooks.ping(
        'wh-r',
        { n: 1 },
        { name: 'test', role: 'admin' },
      );
      await fresh.store.close();
      const { openStore } = await import('@corridor/storage');
      const { testEnv } = await import('@corridor/storage/test-support');
      const reopened = await openStore({ dataDir: fresh.dataDir, create: false }, testEnv);
      try {
        expect(await deliverDue(reopened)).toMatchObject({ attempted: 1, delivered: 1 });
        expect(receiver.received[0]!.headers['webhook-id']).toBe(queued.msgId);
      } finally {
        await reopened.close();
      }
    } finally {
      receiver.server.close();
      await fresh.close().catch(() => undefined);
    }
  });
});
