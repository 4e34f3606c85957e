/**
 * Messages survive the sender (issue 23), on PGlite (the in-process runner) and PostgreSQL
 * (pg-boss): lines queued by a sender that never delivered them, and a line claimed by a worker
 * that died mid-send, are delivered once a runner starts again; two deliveries at once never send
 * a message twice; the sweep finds lines whose job is gone. Every mail is counted at a real SMTP
 * server. Then the SMS gateway, a real HTTP server, calls back the receipt route: sent →
 * delivered | undelivered, idempotent, refusing a wrong secret (401) and an unknown id (404).
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  deliverMessages,
  deliveryActor,
  deliveryLeaseMs,
  execute,
  sendMessages,
} from '@corridor/commands';
import { generateDemo } from '@corridor/core';
import type { JobRecord } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueMessageSweep } from './jobs/message-sweep.js';
import type { JobRunner } from './jobs/job-runner.js';
import { startJobRunner } from './jobs/start-runner.js';
import { seeder, startTestServer, type TestServer } from './test-support/test-server.js';

const demo = generateDemo({ people: 60, seed: 4 });
const reachable = demo.households.filter((h) => h.status !== 'on-hold').slice(0, 5);
for (const h of reachable) Object.assign(h, { languages: ['en'] });
for (const r of demo.consents!) if (r.purpose === 'messages') r.decision = 'given';
const [a, b, c, d, e] = reachable;
const headOf = (id: string) => demo.persons.find((p) => p.householdId === id && p.isHead)!;
const mailTo = { [a!.id]: 'a@example.org', [b!.id]: 'b@example.org', [c!.id]: 'c@example.org' };
const phoneOf = { [d!.id]: '+964 770 000 1111', [e!.id]: '+964 770 000 2222' };
const secret = 'receipt-secret-of-the-sms-gateway';

const settings = {
  worker: 'restarted',
  heartbeatMs: 200,
  staleMs: 30_000,
  maxAttempts: 2,
  work: true,
  clock: () => new Date(),
  onUnexpected: (kind: string, error: unknown) => {
    throw new Error(`${kind}: ${String(error)}`);
  },
};

describe.each(backends)('message delivery on $name', (backend) => {
  let server: TestServer;
  let base = '';
  const mails: ParsedMail[] = [];
  const texts: { to: string; reference: string }[] = [];
  const receipts: number[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => {
        mails.push(m);
        done();
      }, done);
    },
  });
  // The gateway accepts each text, then calls back: delivered to D, failed for E (naming the number).
  const gateway = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const sms = JSON.parse(body) as { to: string; reference: string };
      texts.push(sms);
      res.writeHead(202).end();
      const delivered = sms.to === phoneOf[d!.id]!.replace(/ /g, '');
      void fetch(`${base}/api/messages/receipts/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          reference: sms.reference,
          status: delivered ? 'delivered' : 'failed',
          ...(delivered ? {} : { reason: `handset ${sms.to} unreachable` }),
        }),
      }).then(
        (r) => receipts.push(r.status),
        () => receipts.push(0),
      );
    });
  });

  const to = (m: ParsedMail) => (m.to as { value: { address: string }[] }).value[0]!.address;
  const count = (address: string) => mails.filter((m) => to(m) === address).length;
  const send = (caseIds: string[], extra: Record<string, unknown> = {}) =>
    execute(
      sendMessages,
      {
        actor: { name: 'api:movement-officer', role: 'movement-officer', via: 'api' },
        store: server.store,
        now: new Date(),
      },
      { purpose: 'appointment', caseIds, facts: { appointmentDate: '5 January' }, ...extra },
    );
  async function settle(id: string): Promise<JobRecord> {
    for (let i = 0; i < 900; i++) {
      const job = (await server.store.jobs.get(id))!;
      if (job.status !== 'queued' && job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not end`);
  }

  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    gateway.listen(0, '127.0.0.1');
    await Promise.all([once(smtp.server, 'listening'), once(gateway, 'listening')]);
    process.env.CORRIDOR_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.CORRIDOR_SMS_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    process.env.CORRIDOR_SMS_RECEIPT_SECRET = secret;
    // No sweep of its own: the tests say when a runner starts again.
    server = await startTestServer(backend, { messageSweepMs: 0 }, demo);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    await server.store.messages.setTemplate(
      {
        purpose: 'appointment',
        language: 'en',
        subject: 'Appointment for {caseId}',
        body: 'Case {caseId}: your appointment is on {appointmentDate}.',
      },
      seeder,
    );
    for (const [id, email] of Object.entries(mailTo))
      await server.store.messages.setContact(headOf(id).id, { email }, seeder);
    for (const [id, phone] of Object.entries(phoneOf))
      await server.store.messages.setContact(headOf(id).id, { phone }, seeder);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    smtp.close();
    gateway.close();
    delete process.env.CORRIDOR_SMTP_URL;
    delete process.env.CORRIDOR_SMS_URL;
    delete process.env.CORRIDOR_SMS_RECEIPT_SECRET;
  });

  it('delivers, once each, what a sender that stopped after its commit left queued', async () => {
    // The sender commits its lines and its job, then delivers nothing (as if killed right there).
    const out = await send([a!.id, b!.id, c!.id], { wait: false });
    expect(out.counts).toMatchObject({ households: 3, queued: 3, sent: 0 });
    expect(out.job).toMatch(/^[0-9a-f-]{36}$/);
    expect((await server.store.jobs.get(out.job!))!.status).toBe('queued');
    // A worker claimed B's line ten minutes ago and died mid-send: its claim is past the lease.
    const then = new Date(Date.now() - 10 * 60_000);
    const dead = await server.store.messages.claimNext({
      worker: 'dead-worker',
      at: then,
      staleBefore: new Date(then.getTime() - deliveryLeaseMs()),
      batch: out.batch!,
    });
    expect(dead?.status).toBe('sending');
    expect(dead?.facts).toEqual({ appointmentDate: '5 January' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(mails).toHaveLength(0);

    // Start again: the runner finds the queued job and delivers the batch, the dead claim included.
    const runner: JobRunner = await startJobRunner(server.store, settings);
    try {
      const job = await settle(out.job!);
      expect([job.status, job.error]).toEqual(['succeeded', null]);
      expect(job.result).toMatchObject({ counts: { sent: 3, failed: 0 } });
    } finally {
      await runner.stop();
    }
    for (const address of Object.values(mailTo)) expect(count(address), address).toBe(1);
    expect(mails[0]!.text).toMatch(/your appointment is on 5 January/);
    const log = await server.store.messages.list({ batch: out.batch!, limit: 10 });
    expect(log.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    expect(log.every((m) => m.disclosureId !== null)).toBe(true);
    // The facts were kept only while the lines waited.
    const facts = await server.store.db
      .selectFrom('messages')
      .select('facts')
      .where('batch', '=', out.batch!)
      .execute();
    expect(facts.map((f) => f.facts)).toEqual([null, null, null]);
  }, 120_000);

  it('never sends a message twice when several workers deliver one send at once', async () => {
    const out = await send([a!.id, b!.id, c!.id], { wait: false, again: true });
    const before = mails.length;
    const runner = await startJobRunner(server.store, settings);
    const system = {
      actor: { ...deliveryActor, via: 'job' as const },
      store: server.store,
      now: new Date(),
    };
    try {
      const runs = await Promise.all([
        execute(deliverMessages, system, { batch: out.batch! }),
        execute(deliverMessages, system, { batch: out.batch! }),
        execute(deliverMessages, system, { batch: out.batch! }),
        runner.wake(out.job!),
      ]);
      await settle(out.job!);
      const byRuns = runs.slice(0, 3).reduce((n, r) => n + (r ? r.counts.sent : 0), 0);
      const job = (await server.store.jobs.get(out.job!))!;
      const byJob = (job.result as { counts?: { sent: number } } | null)?.counts?.sent ?? 0;
      expect(byRuns + byJob).toBe(3);
    } finally {
      await runner.stop();
    }
    expect(mails.length - before).toBe(3);
    for (const address of Object.values(mailTo)) expect(count(address), address).toBe(2);
  }, 120_000);

  it('sweeps lines whose job is gone once their claim is past the lease', async () => {
    const out = await send([a!.id, b!.id, c!.id], { wait: false, again: true });
    await server.store.jobs.cancel(out.job!, seeder, new Date());
    const then = new Date(Date.now() - 10 * 60_000);
    await server.store.messages.claimNext({
      worker: 'dead-worker',
      at: then,
      staleBefore: new Date(then.getTime() - deliveryLeaseMs()),
      batch: out.batch!,
    });
    const runner = await startJobRunner(server.store, settings);
    try {
      expect(await queueMessageSweep(server.store, runner, new Date())).toBe(true);
      const sweep = (await server.store.jobs.list({ limit: 5 })).find(
        (j) => j.createdBy === deliveryActor.name && !j.params.batch,
      )!;
      expect((await settle(sweep.id)).status).toBe('succeeded');
      expect(await queueMessageSweep(server.store, runner, new Date())).toBe(false);
    } finally {
      await runner.stop();
    }
    for (const address of Object.values(mailTo)) expect(count(address), address).toBe(3);
    const log = await server.store.messages.list({ batch: out.batch!, limit: 10 });
    expect(log.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
  }, 120_000);

  it('stops a queued message whose contact was removed before delivery: skipped, nothing disclosed', async () => {
    const out = await send([a!.id], { wait: false, again: true });
    await server.store.messages.setContact(headOf(a!.id).id, { email: null }, seeder);
    const disclosed = (await server.store.consent.disclosures({ kind: 'message', limit: 1000 }))
      .length;
    const before = mails.length;
    const system = {
      actor: { ...deliveryActor, via: 'job' as const },
      store: server.store,
      now: new Date(),
    };
    const run = await execute(deliverMessages, system, { batch: out.batch! });
    expect(run.counts).toEqual({ sent: 0, failed: 0, skipped: 1 });
    expect(run.messages[0]!.reason).toBe(
      `${headOf(a!.id).id} has no email contact any more (erased or removed since the send)`,
    );
    expect(mails.length).toBe(before);
    expect((await server.store.consent.disclosures({ kind: 'message', limit: 1000 })).length).toBe(
      disclosed,
    );
    await server.store.messages.setContact(headOf(a!.id).id, { email: mailTo[a!.id]! }, seeder);
  }, 120_000);

  it('takes the SMS gateway’s receipts: delivered or undelivered, once, with the right secret only', async () => {
    const sent = await server.as('movement-officer', {
      method: 'POST',
      url: '/api/messages/send',
      payload: {
        purpose: 'appointment',
        caseIds: [d!.id, e!.id],
        facts: { appointmentDate: '6 January' },
      },
    });
    expect(sent.statusCode).toBe(200);
    const answer = sent.json() as {
      batch: string;
      counts: { sent: number };
      messages: { id: string; case: string; channel: string }[];
    };
    expect(answer.counts.sent).toBe(2);
    expect(answer.messages.map((m) => m.channel)).toEqual(['sms', 'sms']);
    const list = async () =>
      (
        (
          await server.as('auditor', { method: 'GET', url: `/api/messages?batch=${answer.batch}` })
        ).json() as {
          messages: {
            id: string;
            case: string;
            status: string;
            reason: string | null;
            receiptAt: string | null;
          }[];
        }
      ).messages;
    for (let i = 0; i < 100 && receipts.length < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(receipts).toEqual([200, 200]);
    const log = await list();
    const toD = log.find((m) => m.case === d!.id)!;
    const toE = log.find((m) => m.case === e!.id)!;
    expect(toD).toMatchObject({ status: 'delivered', reason: null });
    expect(toD.receiptAt).not.toBeNull();
    expect(toE.status).toBe('undelivered');
    expect(toE.reason).toBe('handset <number> unreachable');

    const receipt = (body: unknown, auth = `Bearer ${secret}`) =>
      server.app.inject({
        method: 'POST',
        url: '/api/messages/receipts/sms',
        headers: { authorization: auth },
        payload: body as Record<string, unknown>,
      });
    const audits = async () => (await server.store.audit.events(0, 1_000_000)).length;
    const before = await audits();
    // The same receipt again changes nothing.
    const again = await receipt({ reference: toD.id, status: 'delivered' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: toD.id, status: 'delivered', changed: false });
    // The other receipt for a message that already has one, a wrong secret, an unknown or e-mail id.
    expect((await receipt({ reference: toD.id, status: 'failed' })).statusCode).toBe(409);
    expect(
      (await receipt({ reference: toD.id, status: 'delivered' }, 'Bearer wrong')).statusCode,
    ).toBe(401);
    expect((await receipt({ reference: toD.id, status: 'delivered' }, '')).statusCode).toBe(401);
    const unknown = await receipt({
      reference: 'MS-00000000-0000-0000-0000-000000000000',
      status: 'delivered',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await audits()).toBe(before);
    // An e-mail has no receipt from the SMS gateway.
    const email = (await send([a!.id], { again: true })).messages[0]!;
    expect(email).toMatchObject({ channel: 'email', status: 'sent' });
    const beforeReceipts = await audits();
    expect((await receipt({ reference: email.id!, status: 'delivered' })).statusCode).toBe(404);
    const bad = await receipt({ reference: 'x', status: 'read' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid-input' });
    expect(await audits()).toBe(beforeReceipts);
    expect((await list()).find((m) => m.id === toD.id)!.status).toBe('delivered');
  }, 120_000);
});
