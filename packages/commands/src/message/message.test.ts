import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateDemo, generateDemoMovements, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { backends, rawDatabaseFiles } from '@corridor/storage/test-support';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CommandSpec } from '../define.js';
import { execute } from '../execute.js';
import { erasePerson } from '../person/erase.js';
import { setContact } from './contact.js';
import { listMessages } from './list.js';
import { previewMessages } from './preview.js';
import { sendMessages } from './send.js';
import { addMessageTemplate } from './template-add.js';
import { listMessageTemplates } from './template-list.js';

const demo = generateDemo({ people: 60, seed: 4 });
const seeder = { name: 'test-seed', role: 'admin' };
const now = new Date('2027-03-01T10:00:00Z');
const as = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });
const [movement] = generateDemoMovements(demo.destinations, demo.pledges);
// Four households on the movement: A reads Arabic and consented, B reads Arabic and refused
// messages, C reads only Kurdish (no template), D reads English and has only a phone.
const [a, b, c, d] = demo.households.filter((h) => h.status !== 'on-hold').slice(0, 4);
Object.assign(a!, { languages: ['ar'] });
Object.assign(b!, { languages: ['ku', 'ar'] });
Object.assign(c!, { languages: ['ku'] });
Object.assign(d!, { languages: ['fa', 'en'] });
const membersOf = (id: string) => demo.persons.filter((p) => p.householdId === id);
const headOf = (id: string) => membersOf(id).find((p) => p.isHead)!;
for (const r of demo.consents!)
  if (r.purpose === 'messages')
    r.decision = membersOf(b!.id).some((p) => p.id === r.personId) ? 'refused' : 'given';
const email = { a: 'amal.haddad@example.org', b: 'bashir.k@example.org' };
const phone = '+964 770 123 4567';

const arabic = {
  purpose: 'checkin-call',
  language: 'ar',
  subject: 'موعد تسجيل الوصول للرحلة {movementId}',
  body: 'العائلة {caseId}: السفر يوم {departDate}. يرجى الحضور إلى {checkinPlace}.',
};
const english = {
  purpose: 'checkin-call',
  language: 'en',
  subject: 'Check-in for {movementId}',
  body: 'Case {caseId} ({persons, plural, one {# person} other {# persons}}): departure {departDate}. Come to {checkinPlace}.',
};

describe.each(backends)('messages to households on $name', (backend) => {
  let store: Store;
  let dataDir: string;
  let close: () => Promise<void>;
  const mails: ParsedMail[] = [];
  const sms: {
    body: { to: string; text: string; reference: string };
    headers: IncomingHttpHeaders;
  }[] = [];
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
  // The gateway refuses the first request it gets, then accepts.
  const gateway = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      sms.push({ body: JSON.parse(text) as (typeof sms)[number]['body'], headers: req.headers });
      res.writeHead(sms.length === 1 ? 503 : 202).end();
    });
  });

  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    gateway.listen(0, '127.0.0.1');
    await Promise.all([once(smtp.server, 'listening'), once(gateway, 'listening')]);
    process.env.CORRIDOR_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.CORRIDOR_SMS_URL = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`;
    ({ store, dataDir, close } = await backend.fresh());
    await store.registry.createOperation(demo, seeder);
    await store.movements.add([{ ...movement!, carrier: 'XY', flightNumber: '123' }], seeder);
    await store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: {},
        assignments: [a!, b!, c!, d!].map((h) => ({
          householdId: h.id,
          destinationId: movement!.destinationId,
          movementId: movement!.id,
          locked: false,
          reason: 'test',
        })),
      },
      seeder,
    );
  });
  afterAll(async () => {
    await close();
    smtp.close();
    gateway.close();
    delete process.env.CORRIDOR_SMTP_URL;
    delete process.env.CORRIDOR_SMS_URL;
  });

  const run = <I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ) => execute(command, { actor: as(role), store, now }, input);
  const auditCount = async () => (await store.audit.events(0, 1_000_000)).length;
  const send = {
    purpose: 'checkin-call',
    movementId: movement!.id,
    facts: { checkinPlace: 'Gate 3' },
  };

  it('keeps contact details sealed in the person’s record, set only by those who register', async () => {
    await expect(
      run(setContact, 'movement-officer', { personId: headOf(a!.id).id, email: email.a }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      run(setContact, 'registrar', { personId: headOf(a!.id).id, email: 'not-an-address' }),
    ).rejects.toThrow(/at email: must be an e-mail address/);
    const done = await run(setContact, 'registrar', { personId: headOf(a!.id).id, email: email.a });
    expect(done).toEqual({ personId: headOf(a!.id).id, case: a!.id, changed: ['email'] });
    await run(setContact, 'registrar', { personId: headOf(b!.id).id, email: email.b });
    await run(setContact, 'protection-officer', {
      personId: headOf(c!.id).id,
      email: 'c@example.org',
    });
    await run(setContact, 'registrar', { personId: headOf(d!.id).id, phone });
    const events = await store.audit.events(0, 1_000_000);
    const last = events.filter((e) => e.action === 'message.contact');
    expect(last).toHaveLength(4);
    expect(JSON.stringify(last)).not.toContain('example.org');
    // An attacker with the raw database files finds the actor's name in clear but no address.
    const raw = Buffer.concat(await rawDatabaseFiles(backend.name, store, dataDir));
    expect(raw.includes('t-registrar')).toBe(true);
    expect(raw.includes(email.a)).toBe(false);
    expect(raw.includes('770 123 4567')).toBe(false);
  });

  it('refuses a template with an unknown or a missing variable, or bad syntax, saving nothing', async () => {
    const before = await auditCount();
    await expect(
      run(addMessageTemplate, 'movement-officer', {
        ...arabic,
        body: 'مرحبا {givenName} {departDate}',
      }),
    ).rejects.toThrow(/at body: unknown variable \{givenName\} for checkin-call/);
    await expect(
      run(addMessageTemplate, 'movement-officer', { ...english, body: 'Come to {checkinPlace}.' }),
    ).rejects.toThrow(/at body: a checkin-call message must use \{departDate\}/);
    await expect(
      run(addMessageTemplate, 'movement-officer', { ...english, body: 'Leave {departDate' }),
    ).rejects.toThrow(/at body: not ICU MessageFormat/);
    await expect(run(addMessageTemplate, 'auditor', arabic)).rejects.toMatchObject({ status: 403 });
    expect(await auditCount()).toBe(before);
    expect((await run(listMessageTemplates, 'auditor', {})).templates).toEqual([]);
    await run(addMessageTemplate, 'movement-officer', arabic);
    await run(addMessageTemplate, 'protection-officer', english);
    const listed = await run(listMessageTemplates, 'auditor', { purpose: 'checkin-call' });
    expect(listed.templates.map((t) => t.language)).toEqual(['ar', 'en']);
    expect(listed.variables['checkin-call']).toContain('checkinPlace');
  });

  it('previews per household: language, channel and text, or the reason it is skipped', async () => {
    await expect(
      run(previewMessages, 'auditor', { purpose: 'checkin-call', movementId: movement!.id }),
    ).rejects.toThrow(/at facts: template checkin-call\/ar uses \{checkinPlace\}/);
    await expect(
      run(previewMessages, 'auditor', { ...send, facts: { gate: '3' } }),
    ).rejects.toThrow(/at facts.gate: not a fact of checkin-call/);
    const preview = await run(previewMessages, 'auditor', send);
    const line = (id: string) => preview.messages.find((m) => m.case === id)!;
    expect(line(a!.id)).toMatchObject({ status: 'would-send', language: 'ar', channel: 'email' });
    expect(line(a!.id).text).toContain('يرجى الحضور إلى Gate 3');
    expect(line(b!.id)).toMatchObject({ status: 'skipped', channel: null });
    expect(line(b!.id).reason).toMatch(/no basis for messages: .*consent for messages refused/);
    expect(line(c!.id).reason).toBe('no checkin-call template in ku (templates: ar, en)');
    expect(line(d!.id)).toMatchObject({ status: 'would-send', language: 'en', channel: 'sms' });
    expect(line(d!.id).text).toMatch(new RegExp(`Case ${d!.id} \\(\\d+ persons?\\)`));
    expect(JSON.stringify(preview)).not.toContain('example.org');
    // Without a movement: a list of cases, or a filter of the registry.
    await run(addMessageTemplate, 'movement-officer', {
      purpose: 'documents-needed',
      language: 'en',
      subject: 'Documents for case {caseId}',
      body: 'Please bring {documents} by {deadline}.',
    });
    const docs = {
      purpose: 'documents-needed',
      facts: { documents: 'passports', deadline: 'Friday' },
    };
    await expect(run(previewMessages, 'auditor', docs)).rejects.toThrow(
      /at caseIds: name a movement/,
    );
    await expect(
      run(previewMessages, 'auditor', {
        ...docs,
        movementId: movement!.id,
        caseStatus: 'verified',
      }),
    ).rejects.toThrow(/at caseStatus: a movement names its households/);
    const byStatus = await run(previewMessages, 'auditor', { ...docs, caseStatus: a!.status });
    expect(byStatus.messages.map((m) => m.case).sort()).toEqual(
      demo.households
        .filter((h) => h.status === a!.status)
        .map((h) => h.id)
        .sort(),
    );
    expect(byStatus.messages.find((m) => m.case === d!.id)?.text ?? null).toBe(
      d!.status === a!.status ? 'Please bring passports by Friday.' : null,
    );
    const dry = await run(sendMessages, 'movement-officer', { ...send, dryRun: true });
    expect(dry.counts).toMatchObject({ wouldSend: 2, skipped: 2 });
    expect((await run(listMessages, 'auditor', {})).messages).toEqual([]);
    expect(mails).toHaveLength(0);
  });

  it('refuses another role; sends the Arabic check-in call by e-mail and a text by SMS (retried)', async () => {
    const before = await auditCount();
    for (const role of ['auditor', 'planner', 'registrar'] as const)
      await expect(run(sendMessages, role, send)).rejects.toMatchObject({ status: 403 });
    expect(await auditCount()).toBe(before);
    expect(mails).toHaveLength(0);

    const out = await run(sendMessages, 'movement-officer', send);
    expect(out.counts).toMatchObject({ households: 4, sent: 2, failed: 0, skipped: 2 });
    // The SMTP server got exactly one mail: A's, in Arabic; nothing for B, who refused.
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toMatchObject({ value: [{ address: email.a }] });
    expect(mail.subject).toBe(`موعد تسجيل الوصول للرحلة ${movement!.id}`);
    expect(mail.text).toContain(`العائلة ${a!.id}`);
    expect(mail.headers.get('content-language')).toBe('ar');
    expect(JSON.stringify(mails)).not.toContain(email.b);
    // The gateway refused once; the same message was retried with the same reference.
    expect(sms).toHaveLength(2);
    expect(sms.map((s) => s.body.to)).toEqual(['+9647701234567', '+9647701234567']);
    expect(sms[0]!.body.reference).toBe(sms[1]!.body.reference);
    expect(sms[1]!.headers['idempotency-key']).toBe(sms[1]!.body.reference);
    const line = (id: string) => out.messages.find((m) => m.case === id)!;
    expect(line(d!.id)).toMatchObject({ status: 'sent', channel: 'sms', attempts: 2 });
    expect(line(a!.id)).toMatchObject({ status: 'sent', channel: 'email', attempts: 1 });

    // Every send is in the disclosure log, with the household's persons and no address.
    const logged = await store.consent.disclosures({ kind: 'message', limit: 10 });
    expect(logged).toHaveLength(2);
    expect(logged.map((l) => l.format).sort()).toEqual(['email', 'sms']);
    const toA = logged.find((l) => l.format === 'email')!;
    expect(toA).toMatchObject({
      purpose: 'messages',
      subject: movement!.id,
      actor: 't-movement-officer',
    });
    expect(toA.recipient).toMatch(/^e-mail server 127\.0\.0\.1:\d+$/);
    expect(toA.personIds.sort()).toEqual(
      membersOf(a!.id)
        .map((p) => p.id)
        .sort(),
    );

    const log = (await run(listMessages, 'auditor', { movementId: movement!.id })).messages;
    expect(log.map((m) => m.status).sort()).toEqual(['sent', 'sent', 'skipped', 'skipped']);
    expect(log.find((m) => m.case === a!.id)!.disclosureId).toBe(toA.id);
    expect(JSON.stringify(log)).not.toContain('example.org');

    // Sent once: a second send skips them, saying so.
    const again = await run(sendMessages, 'protection-officer', send);
    expect(again.counts.sent).toBe(0);
    expect(again.messages.find((m) => m.case === a!.id)!.reason).toMatch(
      /already sent \(or sending\)/,
    );
    expect(mails).toHaveLength(1);
  });

  it('settles a message the server refuses as failed, and a plain re-send retries just that one', async () => {
    await run(addMessageTemplate, 'movement-officer', {
      purpose: 'checkin-call',
      language: 'ku',
      subject: 'Check-in {movementId}',
      body: '{departDate}: {checkinPlace}',
    });
    const working = process.env.CORRIDOR_SMTP_URL;
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    process.env.CORRIDOR_SMTP_URL = `smtp://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    closed.close();
    await once(closed, 'close');
    const down = await run(sendMessages, 'movement-officer', send);
    const toC = down.messages.find((m) => m.case === c!.id)!;
    expect(toC).toMatchObject({ status: 'failed', channel: 'email', attempts: 3 });
    expect(toC.reason).toMatch(/ECONNREFUSED/);
    expect(down.counts).toMatchObject({ sent: 0, failed: 1 });
    // It was handed to a channel: it is in the disclosure log too.
    expect(await store.consent.disclosures({ kind: 'message', limit: 10 })).toHaveLength(3);

    process.env.CORRIDOR_SMTP_URL = working;
    const again = await run(sendMessages, 'movement-officer', send);
    expect(again.messages.find((m) => m.case === c!.id)).toMatchObject({ status: 'sent' });
    expect(again.counts).toMatchObject({ sent: 1, failed: 0 });
    expect(mails.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address)).toEqual([
      email.a,
      'c@example.org',
    ]);
  });

  it('writes to no one whose record was erased: the address went with the key', async () => {
    for (const p of membersOf(a!.id)) await run(erasePerson, 'protection-officer', { id: p.id });
    const out = await run(previewMessages, 'auditor', { ...send, caseIds: [a!.id], again: true });
    expect(out.messages[0]).toMatchObject({ status: 'skipped', personId: null });
  });
});
