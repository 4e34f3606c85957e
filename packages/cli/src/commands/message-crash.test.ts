/**
 * kill -9 of `corridor message send` while it hands a mail to the SMTP server (issue 23), on both
 * backends: the send's lines were committed, so `corridor message deliver` sends the ones not yet
 * handed over, leaves the one a dead worker still holds until its lease has passed, then sends it
 * too; every household receives its mail exactly once at the real SMTP server.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 45).toString('base64');

type Env = Record<string, string>;

/** Starts `corridor ARGS` (never blocking this process, whose SMTP server must answer). */
function start(args: string[], env: Env) {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

/** Runs `corridor ARGS` to its end; throws with its stderr when it fails. */
async function corridor<T = unknown>(args: string[], env: Env): Promise<T> {
  const r = await start(args, env).done;
  if (r.code !== 0) throw new Error(`corridor ${args.join(' ')}: exit ${r.code}: ${r.stderr}`);
  return (args.includes('--json') ? JSON.parse(r.stdout) : r.stdout) as T;
}

const seed = 11;
const demo = generateDemo({ people: 40, seed });
const chosen = demo.households
  .filter((h) => h.languages.length > 0)
  .map((h) => ({ h, head: demo.persons.find((p) => p.householdId === h.id && p.isHead) }))
  .filter((x) => x.head)
  .slice(0, 3);
const address = (caseId: string) => `${caseId.toLowerCase()}@example.org`;

const modes: { name: string; env: () => Promise<Env> }[] = [
  { name: 'embedded (PGlite)', env: async () => ({ DATABASE_URL: '' }) },
  { name: 'PostgreSQL', env: async () => ({ DATABASE_URL: await freshPostgresUrl() }) },
];

describe.each(modes)('kill -9 of message send on $name', (mode) => {
  const { dir, cleanup } = tempDir();
  const mails: ParsedMail[] = [];
  let hang = true;
  let inFlight: () => void = () => undefined;
  const handedOver = new Promise<void>((resolve) => (inFlight = resolve));
  // The first mail is never answered: its sender is killed while it waits.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      if (hang) {
        hang = false;
        stream.on('error', () => undefined).resume();
        inFlight();
        return;
      }
      simpleParser(stream).then((m) => {
        mails.push(m);
        done();
      }, done);
    },
  });
  // The killed sender resets its connection: expected, not a failure of the server.
  smtp.on('error', () => undefined);
  beforeAll(async () => {
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
  });
  afterAll(() => {
    smtp.close();
    cleanup();
  });

  it('delivers each message exactly once after the sender was killed mid-send', async () => {
    const data = join(dir, 'data');
    const env: Env = {
      ...(await mode.env()),
      CORRIDOR_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    };
    const at = ['--data', data];
    await corridor(['demo', '--people', '40', '--seed', String(seed), ...at], env);
    await corridor(
      [
        'consent',
        'basis',
        '--purpose',
        'messages',
        '--vital-interests',
        '--reason',
        'test: a lawful basis for every household',
        ...at,
      ],
      env,
    );
    for (const language of new Set(chosen.map((x) => x.h.languages[0]!)))
      await corridor(
        [
          ...['message', 'template', 'add', '--purpose', 'appointment', '--language', language],
          ...['--subject', 'Appointment {caseId}', '--body', 'Case {caseId}: {appointmentDate}'],
          ...at,
        ],
        env,
      );
    for (const { h, head } of chosen)
      await corridor(
        ['message', 'contact', '--person', head!.id, '--email', address(h.id), ...at],
        env,
      );

    const cases = chosen.map((x) => x.h.id).join(',');
    const sender = start(
      [
        ...['message', 'send', '--purpose', 'appointment', '--case', cases],
        ...['--fact', 'appointmentDate=5 January', '--json', ...at],
      ],
      env,
    );
    await Promise.race([handedOver, sender.done]);
    expect(sender.child.exitCode).toBeNull();
    sender.child.kill('SIGKILL');
    await sender.done;
    expect(mails).toHaveLength(0);

    type Listed = { messages: { case: string; status: string }[] };
    const list = () =>
      corridor<Listed>(['message', 'list', '--purpose', 'appointment', '--json', ...at], env);
    const left = (await list()).messages;
    expect(left.map((m) => m.status).sort()).toEqual(['queued', 'queued', 'sending']);
    const held = left.find((m) => m.status === 'sending')!.case;

    // Started again: the two queued ones go; the one the dead sender holds waits for its lease.
    const first = await corridor<{ counts: { sent: number } }>(
      ['message', 'deliver', '--json', ...at],
      env,
    );
    expect(first.counts.sent).toBe(2);
    expect((await list()).messages.find((m) => m.case === held)!.status).toBe('sending');
    // With the lease past (1 s here), the held one is taken over and sent.
    await new Promise((r) => setTimeout(r, 1200));
    const second = await corridor<{ counts: { sent: number } }>(
      ['message', 'deliver', '--json', ...at],
      { ...env, CORRIDOR_MESSAGE_LEASE_MS: '1000' },
    );
    expect(second.counts.sent).toBe(1);
    expect((await list()).messages.map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
    const received = mails.map((m) => (m.to as { value: { address: string }[] }).value[0]!.address);
    expect(received.sort()).toEqual(chosen.map((x) => address(x.h.id)).sort());
  }, 300_000);
});
