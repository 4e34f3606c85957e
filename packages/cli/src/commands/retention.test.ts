/**
 * Retention from the API (both backends, the daily schedule included) and the CLI: a due document
 * is shredded and read back through no interface, a held person is kept and cannot be erased, a
 * dry run writes nothing, an auditor reads but may not set or run.
 */
import { generateDemo, type Role } from '@corridor/core';
import { backends, postgresBackend, testEnv } from '@corridor/storage/test-support';
import { startTestServer, type TestServer } from '@corridor/server/test-support';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorInProcess as corridor } from '../in-process.js';

const demo = generateDemo({ people: 60, seed: 11 });
const day = 86_400_000;

/** Two cases with documents: one to shred, one to hold; a documented person of each. */
function pick() {
  const heads = new Map<string, { personId: string; number: string }>();
  for (const d of demo.documents) {
    const p = demo.persons.find((x) => x.id === d.personId)!;
    if (!heads.has(p.householdId)) heads.set(p.householdId, { personId: p.id, number: d.number });
  }
  const [[dueCase, due], [heldCase, held]] = [...heads.entries()] as [
    [string, { personId: string; number: string }],
    [string, { personId: string; number: string }],
  ];
  return { dueCase, due, heldCase, held };
}

type Job = { id: string; status: string; error: unknown; result: unknown; createdBy: string };
type Report = {
  id: string | null;
  dryRun: boolean;
  categories: {
    category: string;
    shredded: number;
    due: number;
    persons: string[];
    heldPersons: string[];
    notFinal: number;
  }[];
  final: boolean;
  finalBy: string | null;
};

async function settle(server: TestServer, id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = (
      await server.as('auditor', { method: 'GET', url: `/api/jobs/${id}` })
    ).json() as Job;
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${id} did not end`);
}

/** Marks a case arrived `days` ago. */
async function arrived(server: TestServer, caseId: string, days: number) {
  await server.store.db
    .updateTable('households')
    .set({ status: 'arrived' })
    .where('id', '=', caseId)
    .execute();
  await server.store.db
    .insertInto('case_history')
    .values({
      household_id: caseId,
      from_status: 'departed',
      to_status: 'arrived',
      actor: 'test',
      role: 'admin',
      reason: 'arrived',
      reason_sealed: null,
      reason_members: null,
      change: null,
      at: new Date(Date.now() - days * day),
    })
    .execute();
}

describe.each(backends)('retention over the API on $name', (backend) => {
  let server: TestServer;
  const { dueCase, due, heldCase, held } = pick();
  beforeAll(async () => {
    server = await startTestServer(backend, { retentionEveryMs: 0, jobHeartbeatMs: 200 }, demo);
    await arrived(server, dueCase, 120);
    await arrived(server, heldCase, 120);
  }, 60_000);
  afterAll(async () => server.close());

  const api = (role: Role, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    server.as(role, { method, url, ...(payload ? { payload } : {}) });

  it('lets the auditor read schedules but not set them, nor run the job or place a hold', async () => {
    expect((await api('auditor', 'GET', '/api/retention')).statusCode).toBe(200);
    const events = (await server.store.audit.events(0, 1e6)).length;
    expect(
      (await api('auditor', 'PUT', '/api/retention', { category: 'documents', days: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await api('auditor', 'POST', '/api/retention/run', {})).statusCode).toBe(403);
    expect(
      (await api('auditor', 'POST', '/api/legal-holds', { person: held.personId, reason: 'x y z' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api('planner', 'PUT', '/api/retention', { category: 'documents', days: 1 }))
        .statusCode,
    ).toBe(403);
    const bad = await api('admin', 'PUT', '/api/retention', {
      category: 'documents',
      days: 90,
      after: 'expiry',
    });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as { message: string }).message).toMatch(
      /at after: category documents is counted from arrival or closure/,
    );
    expect((await server.store.audit.events(0, 1e6)).length).toBe(events);
  });

  it('shreds a due document as a job, keeps a held one, and no interface reads the number again', async () => {
    const placed = await api('protection-officer', 'POST', '/api/legal-holds', {
      person: held.personId,
      reason: 'testimony for the inquiry',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const holds = (await api('auditor', 'GET', '/api/legal-holds?active=true')).json() as {
      holds: { subjectId: string; reason: string | null }[];
    };
    expect(holds.holds.find((h) => h.subjectId === held.personId)?.reason).toBeNull();

    const dry = await api('admin', 'POST', '/api/retention/run', { dryRun: true });
    expect(dry.statusCode).toBe(202);
    const dryJob = await settle(server, (dry.json() as { id: string }).id);
    expect(dryJob.status).toBe('succeeded');
    expect((dryJob.result as Report).dryRun).toBe(true);
    const view = async (role: Role, id: string) =>
      (await api(role, 'GET', `/api/cases/${id}`)).body;
    expect(await view('admin', dueCase)).toContain(due.number);

    const r = await api('protection-officer', 'POST', '/api/retention/run', {});
    expect(r.statusCode).toBe(202);
    const job = await settle(server, (r.json() as { id: string }).id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    const docs = (job.result as Report).categories.find((c) => c.category === 'documents')!;
    expect(docs.persons).toContain(due.personId);
    expect(docs.heldPersons).toEqual([held.personId]);
    // The job rotated the keys before it ended: the shredded document is final on disk.
    expect(job.result as Report).toMatchObject({ final: true });
    expect(docs.notFinal).toBe(0);

    // The attack: every role that may see document numbers, every way out.
    for (const role of ['admin', 'registrar', 'protection-officer', 'movement-officer'] as const)
      expect(await view(role, dueCase)).not.toContain(due.number);
    expect(await view('admin', heldCase)).toContain(held.number);
    const exported = await api('admin', 'GET', '/api/export/persons?format=json');
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain(due.number);
    expect(exported.body).toContain(held.number);
    const reports = (await api('auditor', 'GET', '/api/retention/reports')).json() as {
      reports: Report[];
    };
    expect(reports.reports.map((x) => x.id)).toContain((job.result as Report).id);
    expect(JSON.stringify(reports)).not.toContain(due.number);
    expect(JSON.stringify(reports)).not.toContain('testimony');

    const ropa = await api('auditor', 'GET', '/api/dpo/ropa');
    expect(ropa.statusCode).toBe(200);
    expect(ropa.headers['content-type']).toMatch(/^text\/markdown/);
    expect(ropa.body).toMatch(/Active legal holds: 1/);
    expect(ropa.body).not.toContain(held.number);
    expect((await api('planner', 'GET', '/api/dpo/dpia')).statusCode).toBe(403);

    const erase = await api('admin', 'POST', `/api/persons/${held.personId}/erase`, {});
    expect(erase.statusCode).toBe(409);
    expect((erase.json() as { error: string }).error).toBe('legal-hold');
  });
});

describe.each(backends)('the daily retention schedule on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, { retentionEveryMs: 400, jobHeartbeatMs: 200 }, demo);
  }, 60_000);
  afterAll(async () => server.close());

  const api = (role: Role, method: 'GET', url: string) => server.as(role, { method, url });

  it('queues the job by itself on its schedule, as the system', async () => {
    let scheduled: Job[] = [];
    for (let i = 0; i < 100 && scheduled.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const list = (await api('auditor', 'GET', '/api/jobs')).json() as (Job & { kind: string })[];
      scheduled = list.filter((j) => j.kind === 'retention' && j.createdBy === 'system:retention');
    }
    expect(scheduled.length).toBeGreaterThan(0);
    const job = await settle(server, scheduled[0]!.id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect((job.result as Report).id).toMatch(/^RR-/);
  });
});

describe('retention from the CLI', () => {
  let server: TestServer;
  const { dueCase, due, held } = pick();
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, demo);
    await arrived(server, dueCase, 120);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server.close();
  });

  const cli = (...args: string[]) => corridor([...args, '--data', server.dataDir]);

  it('shows, sets, holds, runs dry and for real, and reports', async () => {
    const shown = await cli('retention', 'show');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/documents\s+90 days after arrival/);
    const refused = await cli(
      'retention',
      'set',
      '--category',
      'documents',
      '--days',
      '30',
      '--role',
      'auditor',
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/may not retention\.set/);
    const badDays = await cli('retention', 'set', '--category', 'documents', '--days', 'ninety');
    expect(badDays.code).not.toBe(0);
    expect(badDays.stderr).toMatch(/at days/);
    const set = await cli('retention', 'set', '--category', 'documents', '--days', '100', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      category: 'documents',
      days: 100,
      after: 'arrival',
    });

    const hold = await cli('legal-hold', 'place', '--person', held.personId, '--reason', 'inquiry');
    expect(hold.code, hold.stderr).toBe(0);
    const list = await cli('legal-hold', 'list', '--active', '--role', 'auditor');
    expect(list.stdout).toContain(held.personId);
    expect(list.stdout).not.toContain('inquiry');
    const erase = await cli('person', 'erase', held.personId);
    expect(erase.code).not.toBe(0);
    expect(erase.stderr).toMatch(/under a legal hold/);

    const dry = await cli('retention', 'run', '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ id: null, dryRun: true });
    expect((await cli('case', 'show', dueCase, '--json')).stdout).toContain(due.number);
    const run = await cli('retention', 'run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/documents\s+100 days after arrival: \d+ shredded/);
    expect((await cli('case', 'show', dueCase, '--json')).stdout).not.toContain(due.number);
    const reports = await cli('retention', 'reports', '--json', '--role', 'auditor');
    expect((JSON.parse(reports.stdout) as { reports: Report[] }).reports).toHaveLength(1);
    // The DPO's documents: from the settings, the schedule just set, no person's data.
    const dir = mkdtempSync(join(tmpdir(), 'corridor-dpo-'));
    for (const kind of ['ropa', 'dpia']) {
      const out = join(dir, `${kind}.md`);
      const r = await cli('dpo', kind, '--out', out, '--role', 'auditor');
      expect(r.code, r.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(text).toMatch(/\| documents \| 100 days \| arrival \|/);
      for (const d of demo.destinations) expect(text).toContain(d.country);
      expect(text).not.toContain(due.number);
      for (const p of demo.persons.slice(0, 20)) expect(text).not.toContain(p.pii.familyName);
    }
    expect(readFileSync(join(dir, 'ropa.md'), 'utf8')).toMatch(
      /^# Records of processing activities/,
    );
    expect(readFileSync(join(dir, 'dpia.md'), 'utf8')).toMatch(
      /^# Data protection impact assessment/,
    );
    expect((await cli('dpo', 'ropa', '--role', 'planner')).code).toBe(1);

    const released = await cli('legal-hold', 'release', '--person', held.personId);
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toMatch(/released by/);
  });
});
