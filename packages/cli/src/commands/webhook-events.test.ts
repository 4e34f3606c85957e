/**
 * A command run from the CLI emits its webhook event like the API does: queued in the command's
 * transaction on the shared PostgreSQL database, sent by the running server, verified by the
 * receiver; a CLI call the role may not make queues nothing.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemo } from '@corridor/core';
import { startTestServer, seeder, type TestServer } from '@corridor/server/test-support';
import { postgresBackend, testEnv } from '@corridor/storage/test-support';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorInProcess as corridor } from '../in-process.js';

describe('webhook events from the CLI', () => {
  let server: TestServer;
  let receiver: Server;
  let secret = '';
  const received: { headers: IncomingMessage['headers']; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    const { port } = receiver.address() as AddressInfo;
    server = await startTestServer(
      postgresBackend,
      { webhookPollMs: 100 },
      generateDemo({ people: 20, seed: 3 }),
    );
    await server.store.movements.add(
      [
        {
          id: 'M-CLI',
          kind: 'charter',
          origin: 'BGW',
          destinationId: null,
          arrivalAirport: null,
          departAt: '2031-06-30T05:00:00+03:00',
          timezone: 'Asia/Baghdad',
          seats: 100,
          baggageKg: 2300,
          status: 'planned',
        },
      ],
      seeder,
    );
    const r = await server.as('admin', {
      method: 'POST',
      url: '/api/webhooks',
      payload: {
        id: 'wh-cli',
        url: `http://127.0.0.1:${port}/hook`,
        events: ['movement.confirmed'],
      },
    });
    secret = (r.json() as { secret: string }).secret;
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    receiver.closeAllConnections();
    receiver.close();
    await server.close();
  });

  const confirm = (role: string) =>
    corridor([
      'movement',
      'set',
      'M-CLI',
      '--status',
      'confirmed',
      '--role',
      role,
      '--data',
      server.dataDir,
      '--json',
    ]);

  it('queues movement.confirmed from `corridor movement set`, and nothing when refused', async () => {
    const refused = await confirm('auditor');
    expect(refused.code).toBe(1);
    expect(await server.store.webhooks.deliveries({ webhookId: 'wh-cli' })).toEqual([]);

    const done = await confirm('movement-officer');
    expect(done.code, done.stderr).toBe(0);
    const [queued] = await server.store.webhooks.deliveries({ webhookId: 'wh-cli' });
    expect(queued).toMatchObject({ eventType: 'movement.confirmed' });

    for (let i = 0; i < 200 && received.length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(received).toHaveLength(1);
    const event = new Webhook(secret).verify(
      received[0]!.body,
      received[0]!.headers as Record<string, string>,
    );
    expect(event).toMatchObject({
      type: 'movement.confirmed',
      data: { movementId: 'M-CLI', status: 'confirmed', previousStatus: 'planned' },
    });
    expect(received[0]!.headers['webhook-id']).toBe(queued!.msgId);
  });
});
