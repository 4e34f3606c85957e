/**
 * `POST /api/import` as a job (`Prefer: respond-async`), on both backends (pg-boss on PostgreSQL,
 * the in-process runner on PGlite): the same report as the request's answer, a refused file fails
 * the job with the same 422 body and writes nothing, the file is sealed in the job's row and gone
 * from it when the job ends (raw table and database files read as an attacker would), a role that
 * may not import is refused before anything is queued, and progress goes reading → writing → done.
 */
import { execute, importRegistryFile } from '@corridor/commands';
import { errors } from '@corridor/core';
import type { JobProgress } from '@corridor/storage';
import { buildRoster, rosterCsv, rosterIndex } from '@corridor/formats/test-support';
import { backends, rawDatabaseFiles } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

type Job = {
  id: string;
  kind: string;
  status: string;
  progress: JobProgress | null;
  result: Record<string, unknown> | null;
  error: { id: string; message: string; details?: unknown } | null;
  createdBy: string;
};

const roster = buildRoster(300, 23);
const file = rosterCsv(roster.lines);

/** The roster with an impossible birth date on the 5th person (row 7 of the file). */
function spoiled(): string {
  const lines = roster.lines.map((l) => [...l]);
  lines[6]![rosterIndex('dob')] = '30/02/1990';
  return rosterCsv(lines);
}

const body = (text: string) => ({
  name: 'roster.csv',
  content: Buffer.from(text).toString('base64'),
});

/** A saved ODK mapping and an export through it (main table and repeat group, linked by KEY). */
const odkMapping = {
  name: 'odk-household',
  source: 'odk',
  households: { fields: { case_id: 'household_id', origin: 'origin_country' } },
  members: {
    sheet: 'household-members',
    fields: { member_id: 'person_id', name: 'full_name', gender: 'sex', head: 'is_head' },
  },
  ignore: [],
};
const formExport = {
  mapping: odkMapping.name,
  files: [
    {
      name: 'household.csv',
      content: Buffer.from(
        'SubmissionDate,case_id,origin,meta-instanceID,KEY,SubmitterID,SubmitterName\n' +
          '2026-03-02T10:00:00Z,OD-1,SYR,uuid:a1,uuid:a1,5,reg\n' +
          '2026-03-02T10:05:00Z,OD-2,SYR,uuid:a2,uuid:a2,5,reg\n',
      ).toString('base64'),
    },
    {
      name: 'household-members.csv',
      content: Buffer.from(
        'member_id,name,gender,head,PARENT_KEY,KEY\n' +
          'OD-1-A,Rana Haddad,F,yes,uuid:a1,uuid:a1/members[1]\n' +
          'OD-1-B,Sami Haddad,M,no,uuid:a1,uuid:a1/members[2]\n' +
          'OD-2-A,Yusuf Nasser,M,yes,uuid:a2,uuid:a2/members[1]\n',
      ).toString('base64'),
    },
  ],
};

/** Polls a job until it ends. */
async function settle(server: TestServer, id: string, ms = 90_000): Promise<Job> {
  const until = Date.now() + ms;
  for (;;) {
    const r = await server.as('auditor', { method: 'GET', url: `/api/jobs/${id}` });
    expect(r.statusCode).toBe(200);
    const job = r.json() as Job;
    if (!['queued', 'running'].includes(job.status) || Date.now() > until) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Registry counts that a refused import must leave as they were. */
async function counts(server: TestServer) {
  const n = async (table: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
          server.store.db,
        )
      ).rows[0]?.n,
    );
  return {
    operations: await n('operations'),
    households: await n('households'),
    persons: await n('persons'),
    documents: await n('documents'),
  };
}

describe.each(backends)('import jobs on $name', (backend) => {
  // Two empty databases: one imports in the request, the other as a job.
  let inline: TestServer;
  let queued: TestServer;
  beforeAll(async () => {
    inline = await startTestServer(backend, { jobHeartbeatMs: 100 });
    queued = await startTestServer(backend, { jobHeartbeatMs: 100 });
  }, 60_000);
  afterAll(async () => {
    await inline?.close();
    await queued?.close();
  });

  const post = (server: TestServer, text: string, async: boolean, url = '/api/import') =>
    server.as('registrar', {
      method: 'POST',
      url,
      payload: body(text),
      ...(async ? { headers: { prefer: 'respond-async' } } : {}),
    });

  it('imports a real CSV as a job with the same report as in the request', async () => {
    const sync = await post(inline, file, false);
    expect(sync.statusCode).toBe(200);
    expect(sync.headers['preference-applied']).toBeUndefined();
    const report = sync.json() as Record<string, unknown>;
    expect(report).toMatchObject({
      ok: true,
      written: true,
      persons: { created: roster.persons },
      households: { created: roster.households },
    });

    const r = await post(queued, file, true);
    expect(r.statusCode).toBe(202);
    expect(r.headers['preference-applied']).toBe('respond-async');
    const accepted = r.json() as Job;
    expect(accepted).toEqual({ id: accepted.id, kind: 'import', status: 'queued' });
    const job = await settle(queued, accepted.id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect(job.createdBy).toBe('api:registrar');
    expect(job.progress).toMatchObject({ phase: 'done', fraction: 1 });
    expect(job.result).toEqual(report);
    expect(await counts(queued)).toEqual(await counts(inline));
  }, 120_000);

  it('fails the job of a file with a bad row with the 422 body, and writes nothing', async () => {
    const sync = await post(inline, spoiled(), false);
    expect(sync.statusCode).toBe(422);
    const refusal = sync.json() as { error: string; message: string; details: unknown };
    expect(refusal.details).toMatchObject({
      problems: [expect.objectContaining({ row: 7, column: 'dob' })],
    });

    const before = await counts(queued);
    const audit = (await queued.store.audit.events()).length;
    const r = await post(queued, spoiled(), true);
    expect(r.statusCode).toBe(202);
    const job = await settle(queued, (r.json() as Job).id);
    expect(job.status).toBe('failed');
    expect(job.result).toBeNull();
    expect(job.error).toEqual({
      id: refusal.error,
      message: refusal.message,
      details: refusal.details,
    });
    expect(job.error?.details).toMatchObject({
      badRows: [7],
      problems: [expect.objectContaining({ row: 7, column: 'dob', value: '<redacted>' })],
    });
    expect(await counts(queued)).toEqual(before);
    // Only the job's own record (job.create) was audited: no import.
    const events = (await queued.store.audit.events()).slice(audit);
    expect(events.map((e) => e.action)).toEqual(['job.create']);
  }, 120_000);

  it('imports a KoBo / ODK form export as a job with the same report as in the request', async () => {
    for (const server of [inline, queued]) {
      const saved = await server.as('registrar', {
        method: 'POST',
        url: '/api/mappings',
        payload: odkMapping,
      });
      expect(saved.statusCode).toBe(200);
    }
    const sync = await inline.as('registrar', {
      method: 'POST',
      url: '/api/import/form',
      payload: formExport,
    });
    expect(sync.statusCode).toBe(200);
    expect(sync.json()).toMatchObject({
      ok: true,
      households: { created: 2 },
      persons: { created: 3 },
    });
    const r = await queued.as('registrar', {
      method: 'POST',
      url: '/api/import/form',
      payload: formExport,
      headers: { prefer: 'wait=5, respond-async' },
    });
    expect(r.statusCode).toBe(202);
    const accepted = r.json() as Job;
    expect(accepted).toEqual({ id: accepted.id, kind: 'import-form', status: 'queued' });
    const job = await settle(queued, accepted.id);
    expect([job.status, job.error]).toEqual(['succeeded', null]);
    expect(job.result).toEqual(sync.json());
    expect(await queued.store.jobs.get(accepted.id)).toMatchObject({
      inputSealed: true,
      params: {},
    });
  }, 120_000);

  it('keeps no name of the file in the jobs table or the database files once the job ended', async () => {
    // A small file too: a large one's JSON would be compressed by PostgreSQL (TOAST), which hides
    // it from a plain search of the files, not from an attacker.
    const small = rosterCsv(roster.lines.slice(0, 6));
    expect(body(small).content.length).toBeLessThan(1800);
    const r = await post(queued, small, true);
    expect((await settle(queued, (r.json() as Job).id)).status).toBe('succeeded');
    const jobs = await queued.store.jobs.list();
    const imports = jobs.filter((j) => j.kind === 'import');
    expect(imports.map((j) => j.status).sort()).toEqual(['failed', 'succeeded', 'succeeded']);
    for (const j of jobs.filter((j) => j.kind.startsWith('import')))
      expect([j.inputSealed, j.params]).toEqual([true, {}]);
    const shown = await queued.as('admin', { method: 'GET', url: `/api/jobs/${imports[0]!.id}` });
    expect(Object.keys(shown.json() as object)).not.toContain('params');
    const listed = await queued.as('admin', { method: 'GET', url: '/api/jobs' });
    expect(listed.body).not.toContain(body(file).content.slice(40, 80));

    const names = [
      ...new Set(roster.data.persons.map((p) => p.pii.familyName).filter((n) => n.length >= 7)),
    ].slice(0, 20);
    expect(names.length).toBeGreaterThan(5);
    // Also the file as it travels (base64), in pieces wherever it is cut.
    const encoded = body(file).content;
    const needles = [
      ...names,
      encoded.slice(100, 140),
      encoded.slice(2000, 2040),
      body(small).content.slice(400, 440),
      'Rana Haddad',
      formExport.files[1]!.content.slice(20, 60),
    ];
    const raw = (
      await sql<{ row: string }>`select row_to_json(j)::text as row from jobs j`.execute(
        queued.store.db,
      )
    ).rows.map((r) => r.row);
    const sealedLeft = await queued.store.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) => eb.or([eb('sealed_input', 'is not', null), eb('input_key', 'is not', null)]))
      .execute();
    expect(sealedLeft).toEqual([]);
    for (const needle of needles) expect(raw.join('\n')).not.toContain(needle);

    const files = await rawDatabaseFiles(backend.name, queued.store, queued.dataDir);
    expect(files.length).toBeGreaterThan(10);
    const found = needles.filter((needle) => files.some((f) => f.includes(needle)));
    expect(found).toEqual([]);
  }, 120_000);

  it('refuses a role that may not import with 403 before anything is queued', async () => {
    const before = (await queued.store.jobs.list()).length;
    for (const [role, url] of [
      ['planner', '/api/import'],
      ['auditor', '/api/import'],
      ['planner', '/api/import/form'],
    ] as const) {
      const r = await queued.as(role, {
        method: 'POST',
        url,
        payload: url === '/api/import' ? body(file) : { mapping: 'kobo', files: [body(file)] },
        headers: { prefer: 'respond-async' },
      });
      expect([role, url, r.statusCode]).toEqual([role, url, 403]);
    }
    expect((await queued.store.jobs.list()).length).toBe(before);
    // Bad input is refused (400) at once too, nothing queued.
    const bad = await queued.as('registrar', {
      method: 'POST',
      url: '/api/import',
      payload: { name: 'x.csv', content: '***' },
      headers: { prefer: 'respond-async' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await queued.store.jobs.list()).length).toBe(before);
  });

  it('reports rows read, then writing, then done', async () => {
    const large = buildRoster(1200, 29);
    const seen: JobProgress[] = [];
    const empty = await backend.fresh();
    const report = await execute(
      importRegistryFile,
      {
        actor: { name: 'api:registrar', role: 'registrar', via: 'job' },
        store: empty.store,
        now: new Date(),
        control: { progress: (p) => seen.push(p) },
      },
      { ...body(rosterCsv(large.lines)), dryRun: true },
    ).finally(() => empty.close());
    expect(report.rows).toBe(large.persons);
    expect(seen.map((p) => p.phase)).toEqual(['reading', 'writing', 'done']);
    expect(seen[0]!.message).toBe('1,000 rows read');
    expect(seen[1]!.message).toBe(
      `${large.persons.toLocaleString('en')} rows read and checked; writing`,
    );
  }, 120_000);

  it('rolls an import back when its job was cancelled before the save', async () => {
    const empty = await backend.fresh();
    try {
      const saved: string[] = [];
      const refused = await execute(
        importRegistryFile,
        {
          actor: { name: 'api:registrar', role: 'registrar', via: 'job' },
          store: empty.store,
          now: new Date(),
          control: {
            progress: () => undefined,
            // What the worker does when a cancel came first (docs/jobs.md): refuse the save.
            beforeSave: async () => {
              saved.push('asked');
              throw errors.jobCancelled('test');
            },
          },
        },
        body(file),
      ).then(
        () => undefined,
        (e: { id: string }) => e.id,
      );
      expect([refused, saved]).toEqual(['job-cancelled', ['asked']]);
      const persons = await sql<{ n: number }>`select count(*)::int as n from persons`.execute(
        empty.store.db,
      );
      expect(persons.rows[0]?.n).toBe(0);
    } finally {
      await empty.close();
    }
  }, 120_000);
});

describe('the import routes in the API description', () => {
  it('document Prefer: respond-async and the 202 job beside the 200 report', async () => {
    const server = await startTestServer(backends[0]!);
    try {
      const doc = (await server.app.inject({ url: '/openapi.json' })).json() as {
        paths: Record<
          string,
          Record<
            string,
            { parameters: { name: string; in: string }[]; responses: Record<string, unknown> }
          >
        >;
      };
      for (const path of ['/api/import', '/api/import/form']) {
        const op = doc.paths[path]!.post!;
        expect(op.parameters, path).toContainEqual(
          expect.objectContaining({ name: 'Prefer', in: 'header' }),
        );
        expect(Object.keys(op.responses), path).toEqual(expect.arrayContaining(['200', '202']));
      }
      // A route that is always a job documents 202 only, without the header.
      const allocate = doc.paths['/api/plans/allocate']!.post!;
      expect(Object.keys(allocate.responses)).toContain('202');
      expect(Object.keys(allocate.responses)).not.toContain('200');
      expect(allocate.parameters.map((p) => p.name)).not.toContain('Prefer');
    } finally {
      await server.close();
    }
  });
});
