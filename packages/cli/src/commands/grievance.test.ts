/**
 * `corridor grievance …` / `corridor appeal …` and their routes, as an adversary would try them: a
 * confidential grievance is invisible to every other role through the CLI and the API (list,
 * show, the case view, exports, the audit log) and its words are not in the raw PGlite folder; bad
 * input is refused naming the field with nothing written; an upheld appeal re-plans the household.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo, roles, type Role } from '@corridor/core';
import { runAllocation, silentControl } from '@corridor/commands';
import { pgliteBackend, postgresBackend, testEnv } from '@corridor/storage/test-support';
import { startTestServer, type TestServer } from '@corridor/server/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corridorInProcess as corridor } from '../in-process.js';

const demo = generateDemo({ people: 60, seed: 23 });
const seeder = { name: 'test-seed', role: 'admin' };
const secret = 'Guard-at-gate-3-took-my-papers-QX19';
const mayKnow = (role: Role) => role === 'protection-officer' || role === 'admin';

describe('grievances and appeals from the CLI and the API (PostgreSQL)', () => {
  let server: TestServer;
  let confidential = '';
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, demo);
    await runAllocation(server.store, seeder, { timeLimitMs: 1000, seed: 1 }, silentControl);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  }, 180_000);
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server.close();
  });

  const cli = (...args: string[]) => corridor([...args, '--data', server.dataDir]);
  const api = (role: Role, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.as(role, { method, url, ...(payload ? { payload } : {}) });

  it('logs a confidential grievance with the issue line that no other role can find', async () => {
    const added = await cli(
      'grievance',
      'add',
      '--case',
      'C-0001',
      '--channel',
      'desk',
      '--category',
      'allocation',
      '--urgency',
      'high',
      '--text',
      secret,
      '--confidential',
      '--json',
    );
    expect(added.code, added.stderr).toBe(0);
    const row = JSON.parse(added.stdout) as { id: string; dueAt: string; confidential: boolean };
    expect(row).toMatchObject({
      case: 'C-0001',
      confidential: true,
      status: 'open',
      overdue: false,
    });
    expect(added.stdout).not.toContain(secret);
    confidential = row.id;
    const open = await api('registrar', 'POST', '/api/grievances', {
      caseId: 'C-0001',
      channel: 'phone',
      category: 'timetable',
      text: 'When is our bus?',
    });
    expect(open.statusCode, open.body).toBe(201);

    for (const role of roles) {
      const knows = mayKnow(role);
      const asRole = (...args: string[]) => cli(...args, '--role', role);
      // Lists: the CLI and the API, every filter.
      for (const args of [
        ['grievance', 'list', '--json'],
        ['grievance', 'list', '--case', 'C-0001', '--json'],
        ['grievance', 'list', '--status', 'open', '--json'],
      ]) {
        const r = await asRole(...args);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.includes(confidential), `${role} ${args.join(' ')}`).toBe(knows);
        expect(r.stdout).not.toContain(secret);
      }
      for (const url of [
        '/api/grievances',
        '/api/cases/C-0001/grievances',
        '/api/grievances?status=open',
      ]) {
        const r = await api(role, 'GET', url);
        expect(r.statusCode).toBe(200);
        expect(r.body.includes(confidential), `${role} ${url}`).toBe(knows);
      }
      // Show: the words for those who may know; for the others, the answer of an unknown id.
      const shown = await asRole('grievance', 'show', confidential, '--json');
      const unknown = await asRole('grievance', 'show', 'G-999999', '--json');
      const apiShown = await api(role, 'GET', `/api/grievances/${confidential}`);
      const apiUnknown = await api(role, 'GET', '/api/grievances/G-999999');
      if (knows) {
        expect(shown.code, shown.stderr).toBe(0);
        expect((JSON.parse(shown.stdout) as { text: string }).text).toBe(secret);
        expect((apiShown.json() as { text: string }).text).toBe(secret);
      } else {
        expect(shown.code).toBe(unknown.code);
        expect(shown.code).toBe(1);
        expect(shown.stderr.replace(confidential, 'ID')).toBe(
          unknown.stderr.replace('G-999999', 'ID'),
        );
        expect(apiShown.statusCode).toBe(404);
        expect(apiUnknown.statusCode).toBe(404);
        expect(apiShown.body.replace(confidential, 'ID')).toBe(
          apiUnknown.body.replace('G-999999', 'ID'),
        );
      }
      // The case view, from both sides.
      const view = await asRole('case', 'show', 'C-0001', '--json');
      expect(view.code, view.stderr).toBe(0);
      const apiView = await api(role, 'GET', '/api/cases/C-0001');
      for (const body of [view.stdout, apiView.body]) {
        expect(body).not.toContain(secret);
        expect(body).not.toContain(confidential);
      }
    }
    // Answering it is refused as for an unknown id to a registrar, allowed to a protection officer.
    const answer = { text: 'We will look into it' };
    const refused = await api(
      'registrar',
      'POST',
      `/api/grievances/${confidential}/respond`,
      answer,
    );
    expect(refused.statusCode).toBe(404);
    const cliRefused = await cli(
      'grievance',
      'respond',
      confidential,
      '--text',
      'x',
      '--role',
      'registrar',
    );
    expect(cliRefused.code).toBe(1);
    expect(cliRefused.stderr).toMatch(/not found/);
    const answered = await cli(
      'grievance',
      'respond',
      confidential,
      '--text',
      'Referred to the protection unit',
      '--role',
      'protection-officer',
      '--json',
    );
    expect(answered.code, answered.stderr).toBe(0);
    expect(JSON.parse(answered.stdout)).toMatchObject({ status: 'responded' });
  });

  it('keeps the words out of exports and the audit log', async () => {
    for (const what of ['persons', 'households', 'plan']) {
      const file = await api('admin', 'GET', `/api/export/${what}`);
      expect(file.statusCode, what).toBe(200);
      expect(file.body).not.toContain(secret);
      expect(file.body).not.toContain(confidential);
      const out = await cli('export', what, '--role', 'admin');
      expect(out.code, out.stderr).toBe(0);
      expect(out.stdout).not.toContain(secret);
    }
    const audit = await api('auditor', 'GET', '/api/audit/events?limit=10000');
    expect(audit.statusCode).toBe(200);
    expect(audit.body).not.toContain(secret);
    expect(audit.body).not.toContain('Referred to the protection unit');
    const events =
      (audit.json() as { events?: { entityId: string; detail: unknown }[] }).events ??
      (audit.json() as { entityId: string; detail: unknown }[]);
    const added = events.find((e) => e.entityId === confidential);
    expect(added?.detail).toEqual({ confidential: true });
  });

  it('refuses bad input naming the field, from the CLI (exit 1) and the API (400), writing nothing', async () => {
    const count = async () => (await server.store.audit.events(0, 1e6)).length;
    const before = await count();
    const cases: [Record<string, unknown>, string[], RegExp][] = [
      [{ channel: 'pigeon' }, ['--channel', 'pigeon'], /at channel: channel must be one of: desk/],
      [{ text: '' }, ['--text', ''], /at text: text is required and may not be empty/],
      [{ caseId: 'C-9999' }, ['--case', 'C-9999'], /at caseId: no case C-9999/],
    ];
    for (const [body, flags, message] of cases) {
      const payload = {
        caseId: 'C-0002',
        channel: 'desk',
        category: 'other',
        text: 'words',
        ...body,
      };
      const r = await api('registrar', 'POST', '/api/grievances', payload);
      expect(r.statusCode).toBe(400);
      expect((r.json() as { message: string }).message).toMatch(message);
      const args = {
        '--case': 'C-0002',
        '--channel': 'desk',
        '--category': 'other',
        '--text': 'words',
      };
      for (let i = 0; i < flags.length; i += 2) Object.assign(args, { [flags[i]!]: flags[i + 1]! });
      const c = await cli(
        'grievance',
        'add',
        ...Object.entries(args).flat(),
        '--role',
        'registrar',
      );
      expect(c.code).toBe(1);
      expect(c.stderr).toMatch(message);
    }
    expect(await count()).toBe(before);
    const c2 = await api('auditor', 'GET', '/api/cases/C-0002/grievances');
    expect(c2.json()).toEqual([]);
  });

  it('lists what is overdue, in the CLI and the API alike', async () => {
    const long = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const late = await cli(
      ...['grievance', 'add', '--case', 'C-0003', '--channel', 'letter', '--category', 'property'],
      ...['--urgency', 'low', '--text', 'our furniture', '--received-at', long, '--json'],
    );
    expect(late.code, late.stderr).toBe(0);
    const id = (JSON.parse(late.stdout) as { id: string }).id;
    const overdue = await cli('grievance', 'list', '--overdue', '--json', '--role', 'auditor');
    const apiOverdue = await api('auditor', 'GET', '/api/grievances?overdue=true');
    expect(JSON.parse(overdue.stdout)).toEqual(apiOverdue.json());
    expect(
      (apiOverdue.json() as { id: string; overdue: boolean }[]).map((g) => [g.id, g.overdue]),
    ).toEqual([[id, true]]);
    const text = await cli('grievance', 'list', '--overdue', '--role', 'auditor');
    expect(text.stdout).toMatch(new RegExp(`${id}.*OVERDUE`));
  });

  it('files and upholds an appeal from the CLI; the API shows the household re-planned', async () => {
    const plan = (await api('auditor', 'GET', '/api/plans/current?kind=allocation')).json() as {
      id: number;
      assignments: { householdId: string; destinationId: string | null }[];
    };
    let chosen: { id: string; to: string } | undefined;
    for (const a of plan.assignments.filter((x) => x.destinationId)) {
      const e = (
        await api('auditor', 'GET', `/api/allocation/explain/${a.householdId}`)
      ).json() as {
        linkedWith: string[];
        others: { destination: string; eligible: boolean }[];
      };
      const to = e.others.find((o) => o.eligible)?.destination;
      if (to && e.linkedWith.length === 0) {
        chosen = { id: a.householdId, to };
        break;
      }
    }
    expect(chosen).toBeDefined();
    const filed = await cli(
      ...['appeal', 'file', '--case', chosen!.id, '--grounds', 'my sister lives there'],
      ...['--destination', chosen!.to, '--role', 'registrar', '--json'],
    );
    expect(filed.code, filed.stderr).toBe(0);
    const appeal = JSON.parse(filed.stdout) as { id: string; explanation: { case: string } };
    expect(appeal.explanation.case).toBe(chosen!.id);
    const planner = await cli(
      'appeal',
      'decide',
      appeal.id,
      '--upheld',
      '--reason',
      'tie',
      '--role',
      'planner',
    );
    expect(planner.code).toBe(1);
    expect(planner.stderr).toMatch(/not permitted: role planner may not appeal.decide/);
    const decided = await cli(
      ...['appeal', 'decide', appeal.id, '--upheld', '--reason', 'sister confirmed'],
      ...['--role', 'protection-officer'],
    );
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toMatch(new RegExp(`upheld by .* -> ${chosen!.to}`));
    const now = (
      await api('auditor', 'GET', '/api/plans/current?kind=allocation')
    ).json() as typeof plan;
    expect(now.id).not.toBe(plan.id);
    expect(now.assignments.find((a) => a.householdId === chosen!.id)?.destinationId).toBe(
      chosen!.to,
    );
    const listed = (await api('auditor', 'GET', `/api/cases/${chosen!.id}/appeals`)).json() as {
      status: string;
      grounds: string | null;
    }[];
    expect(listed).toMatchObject([{ status: 'upheld', grounds: null }]);
    const view = (await api('registrar', 'GET', `/api/cases/${chosen!.id}`)).json() as {
      history: { change: string | null; reason: string }[];
    };
    expect(view.history.at(-1)).toMatchObject({ reason: 'sister confirmed' });
    expect(view.history.at(-1)!.change).toMatch(new RegExp(`appeal ${appeal.id} upheld`));
  });
});

describe('a confidential grievance in an embedded (PGlite) folder, from the CLI', () => {
  it('is hidden from other roles and its words are not in the folder', async () => {
    const opened = await pgliteBackend.fresh();
    try {
      await opened.store.registry.createOperation(demo, seeder);
      await opened.store.close();
      delete process.env.DATABASE_URL;
      process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
      const cli = (...args: string[]) => corridor([...args, '--data', opened.dataDir]);
      const added = await cli(
        ...[
          'grievance',
          'add',
          '--case',
          'C-0004',
          '--channel',
          'hotline',
          '--category',
          'protection',
        ],
        ...['--urgency', 'critical', '--text', secret, '--confidential', '--json'],
      );
      expect(added.code, added.stderr).toBe(0);
      const id = (JSON.parse(added.stdout) as { id: string }).id;
      for (const role of roles) {
        const list = await cli('grievance', 'list', '--json', '--role', role);
        expect(list.stdout.includes(id), role).toBe(mayKnow(role));
      }
      const raw = readdirSync(join(opened.dataDir, 'pgdata'), {
        recursive: true,
        withFileTypes: true,
      })
        .filter((e) => e.isFile())
        .map((e) => readFileSync(join(e.parentPath, e.name)));
      expect(raw.some((b) => b.includes(Buffer.from('C-0004')))).toBe(true);
      expect(raw.some((b) => b.includes(Buffer.from(secret)))).toBe(false);
    } finally {
      await opened.close();
    }
  }, 180_000);
});
