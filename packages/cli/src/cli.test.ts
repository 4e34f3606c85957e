import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');

/** Runs the built `corridor` command. */
function corridor(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^corridor: /);
  expect(lines[0]).toMatch(pattern);
}

beforeAll(() => {
  if (!existsSync(join(root, 'packages/cli/dist/main.js'))) {
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
  }
});

describe('corridor on an embedded data folder', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  it('prints its version and help', () => {
    expect(corridor(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = corridor(['--help']);
    expect(help.code).toBe(0);
    for (const c of ['demo', 'status', 'case', 'dedup'])
      expect(help.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    expect(corridor(['case', 'move', '--help']).stdout).toMatch(/--reason/);
  });

  it('says clearly that there is no data yet', () => {
    const r = corridor(['status', '--data', data]);
    expect(r.code).toBe(1);
    expectOneLineError(r.stderr, /no Corridor data at/);
    expect(existsSync(data)).toBe(false);
  });

  it('says it in the language of LANG, LC_ALL or --lang, the exit code and flags unchanged', () => {
    const arabic = corridor(['status', '--data', data], { LANG: 'ar_IQ.UTF-8', LC_ALL: '' });
    expect(arabic.code).toBe(1);
    expectOneLineError(arabic.stderr, /^corridor: لا توجد بيانات Corridor في /);
    expect(arabic.stderr).toContain('`corridor demo`');
    const pashto = corridor(['--lang', 'ps', 'status', '--data', data], { LANG: 'ar_IQ.UTF-8' });
    expectOneLineError(pashto.stderr, /^corridor: په .* کې د Corridor معلومات نشته/);
    const posix = corridor(['status', '--data', data], { LANG: 'fa_AF.UTF-8', LC_ALL: 'C' });
    expectOneLineError(posix.stderr, /^corridor: no Corridor data at/);
    expect(existsSync(data)).toBe(false);
  });

  it('creates the demo and reports it as JSON', () => {
    const r = corridor(['demo', '--data', data, '--people', '150', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const created = JSON.parse(r.stdout);
    expect(created.persons).toBeGreaterThanOrEqual(150);
    const status = JSON.parse(corridor(['status', '--data', data, '--json']).stdout);
    expect(status).toMatchObject({
      persons: created.persons,
      households: created.households,
      destinations: 10,
    });
    expect(status.pledgedPersons).toBeGreaterThanOrEqual(status.persons);
    expect(Object.keys(status.byStatus).length).toBeGreaterThan(1);
  });

  it('lists destinations with their pledges', () => {
    const list = JSON.parse(corridor(['destination', 'list', '--data', data, '--json']).stdout);
    expect(list).toHaveLength(10);
    const status = JSON.parse(corridor(['status', '--data', data, '--json']).stdout);
    const pledged = list.reduce(
      (s: number, d: { pledged: { persons: number } }) => s + d.pledged.persons,
      0,
    );
    expect(pledged).toBe(status.pledgedPersons);
  });

  it('shows a case and moves it along the workflow', () => {
    const show = JSON.parse(corridor(['case', 'show', 'C-0001', '--data', data, '--json']).stdout);
    expect(show.members.length).toBeGreaterThan(0);
    const text = corridor(['case', 'show', 'C-0001', '--data', data]).stdout;
    expect(text).toContain('history:');
    const target = show.status === 'registered' ? 'verified' : 'on-hold';
    const moved = corridor([
      'case',
      'move',
      'C-0001',
      '--to',
      target,
      '--reason',
      'checked at desk 2',
      '--data',
      data,
      '--json',
    ]);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({
      case: 'C-0001',
      from: show.status,
      to: target,
    });
  });

  it('refuses bad moves, unknown cases and bad values with one line and changes nothing', () => {
    const before = corridor(['status', '--data', data, '--json']).stdout;
    const skip = corridor([
      'case',
      'move',
      'C-0002',
      '--to',
      'arrived',
      '--reason',
      'skip',
      '--data',
      data,
    ]);
    expect(skip.code).toBe(1);
    expectOneLineError(skip.stderr, /cannot move from \w[\w-]* to arrived/);
    const role = corridor([
      'case',
      'move',
      'C-0002',
      '--to',
      'withdrawn',
      '--reason',
      'test',
      '--role',
      'auditor',
      '--data',
      data,
    ]);
    expect(role.code).toBe(1);
    expectOneLineError(role.stderr, /role auditor may not/);
    const unknown = corridor(['case', 'show', 'C-9999', '--data', data]);
    expectOneLineError(unknown.stderr, /case C-9999 not found/);
    const status = corridor([
      'case',
      'move',
      'C-0002',
      '--to',
      'flying',
      '--reason',
      'x y z',
      '--data',
      data,
    ]);
    expectOneLineError(status.stderr, /unknown status "flying"/);
    const people = corridor(['demo', '--people', 'many', '--data', data]);
    expectOneLineError(people.stderr, /--people must be a whole number/);
    expect(corridor(['status', '--data', data, '--json']).stdout).toBe(before);
  });

  it('allocates, explains, audits fairness and respects locks', () => {
    const run = corridor(['allocate', '--data', data, '--json', '--time-limit', '5']);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout);
    for (const key of ['status', 'objective', 'bound', 'gap', 'unplaced', 'byDestination'])
      expect(plan).toHaveProperty(key);
    expect(plan.bound).toBeGreaterThanOrEqual(plan.objective);
    const placed = Object.values(
      plan.byDestination as Record<string, { persons: number; capacity: number }>,
    );
    for (const d of placed) expect(d.persons).toBeLessThanOrEqual(d.capacity);
    const caseId = 'C-0003';
    const explained = corridor(['allocate', 'explain', caseId, '--data', data, '--json']);
    if (explained.code === 0) {
      const e = JSON.parse(explained.stdout);
      expect(e.others.length + (e.destination ? 1 : 0)).toBe(10);
    } else {
      expectOneLineError(explained.stderr, /not found/);
    }
    const fairness = JSON.parse(
      corridor(['allocate', 'fairness', '--data', data, '--json']).stdout,
    );
    expect(fairness.groups.map((g: { dimension: string }) => g.dimension)).toEqual(
      expect.arrayContaining(['household size', 'specific needs', 'origin']),
    );
    const current = JSON.parse(corridor(['plan', 'show', '--data', data, '--json']).stdout);
    const moved = current.assignments.find(
      (a: { destinationId: string | null }) => a.destinationId !== 'ITA',
    );
    expect(corridor(['allocate', 'lock', moved.householdId, 'ITA', '--data', data]).code).toBe(0);
    const unknown = corridor(['allocate', 'lock', moved.householdId, 'ATLANTIS', '--data', data]);
    expectOneLineError(unknown.stderr, /destinationId: no destination ATLANTIS/);
    const again = JSON.parse(
      corridor(['allocate', '--data', data, '--json', '--time-limit', '5']).stdout,
    );
    const after = JSON.parse(corridor(['plan', 'show', '--data', data, '--json']).stdout);
    expect(
      after.assignments.find((a: { householdId: string }) => a.householdId === moved.householdId),
    ).toMatchObject({ destinationId: 'ITA', locked: true });
    expect(again.plan.version).toBe(plan.plan.version + 1);
  });

  it('schedules, lists the timetable and re-plans after a cancelled flight', () => {
    const scheduled = corridor(['schedule', '--data', data, '--json', '--time-limit', '5']);
    expect(scheduled.code).toBe(0);
    const s = JSON.parse(scheduled.stdout);
    for (const key of ['status', 'exposure', 'makespanDays', 'movementsUsed', 'unplaced', 'gap'])
      expect(s).toHaveProperty(key);
    expect(s.exposure).toBeLessThanOrEqual(s.firstReadyFirstServed.exposure + 1e-6);
    const timetable = JSON.parse(corridor(['timetable', '--data', data, '--json']).stdout);
    const used = timetable.filter((m: { cases: string[] }) => m.cases.length > 0);
    expect(used.length).toBe(s.movementsUsed);
    for (const m of timetable) expect(m.persons).toBeLessThanOrEqual(m.seats);
    const target = used[0].id;
    const events = join(dir, 'events.json');
    writeFileSync(events, JSON.stringify([{ type: 'cancel-movement', movement: target }]));
    const replanned = corridor([
      'replan',
      '--event',
      events,
      '--data',
      data,
      '--json',
      '--time-limit',
      '5',
    ]);
    expect(replanned.code).toBe(0);
    const r = JSON.parse(replanned.stdout);
    for (const key of [
      'status',
      'changedCases',
      'keptCases',
      'exposureBefore',
      'exposureAfter',
      'timeMs',
    ])
      expect(r).toHaveProperty(key);
    expect(r.changedCases).toBeGreaterThanOrEqual(used[0].cases.length);
    expect(r.minimumChanges).toBe(used[0].cases.length);
    const after = JSON.parse(corridor(['timetable', '--data', data, '--json']).stdout);
    expect(after.find((m: { id: string }) => m.id === target)).toMatchObject({
      status: 'cancelled',
      cases: [],
    });
    const versions = corridor([
      'plan',
      'list',
      '--kind',
      'timetable',
      '--data',
      data,
      '--json',
    ]).stdout;
    writeFileSync(
      events,
      JSON.stringify({ events: [{ type: 'cancel-movement', movement: 'M-404' }] }),
    );
    const bad = corridor(['replan', '--event', events, '--data', data]);
    expectOneLineError(bad.stderr, /event 1: unknown movement "M-404"/);
    expect(corridor(['plan', 'list', '--kind', 'timetable', '--data', data, '--json']).stdout).toBe(
      versions,
    );
  });

  it('stops quietly when the reader of its output goes away (| head)', () => {
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${bin}" report --json --data "${data}" | head -c 20`],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '' },
      },
    );
    expect(r.stdout).toHaveLength(20);
    expect(r.stderr).toBe('');
  });

  // A dozen CLI processes one after another (2–3 s each to start on this 2-core machine): 180 s.
  it('moves a case to another movement by hand after a check, and refuses what does not fit', () => {
    type Row = {
      id: string;
      departAt: string;
      destinationId: string | null;
      status: string;
      seats: number;
      persons: number;
      cases: string[];
      casePersons: number[];
    };
    const listed: Row[] = JSON.parse(corridor(['timetable', '--data', data, '--json']).stdout);
    // A second flight, a day after a used one, to the same destination: room to move a case to.
    const used = listed.find((m) => m.cases.length > 0 && m.status === 'planned')!;
    const depart = new Date(Date.parse(used.departAt) + 86_400_000).toISOString();
    const added = corridor([
      'movement',
      'add',
      '--id',
      'M-900',
      '--depart',
      depart,
      '--seats',
      '40',
      '--to',
      used.destinationId!,
      '--data',
      data,
    ]);
    expect(added.code, added.stderr).toBe(0);
    const timetable: Row[] = JSON.parse(corridor(['timetable', '--data', data, '--json']).stdout);
    const open = (m: Row) => m.status === 'planned' || m.status === 'confirmed';
    const from = timetable.find(
      (m) =>
        m.cases.length > 0 &&
        timetable.some(
          (t) =>
            t.id !== m.id &&
            open(t) &&
            t.destinationId === m.destinationId &&
            t.seats - t.persons >= m.casePersons[0]!,
        ),
    )!;
    const caseId = from.cases[0]!;
    const to = timetable.find(
      (t) =>
        t.id !== from.id &&
        open(t) &&
        t.destinationId === from.destinationId &&
        t.seats - t.persons >= from.casePersons[0]!,
    )!;
    const elsewhere = timetable.find((t) => open(t) && t.destinationId !== from.destinationId)!;
    const versions = () =>
      corridor(['plan', 'list', '--kind', 'timetable', '--data', data, '--json']).stdout;
    const before = versions();

    const check = corridor(['move-case', caseId, elsewhere.id, '--check', '--data', data]);
    expect(check.code).toBe(3);
    expect(check.stdout).toContain(`FAIL goes to ${elsewhere.destinationId}`);
    expect(check.stdout).toContain(`does not fit on ${elsewhere.id}`);
    const refused = corridor([
      'move-case',
      caseId,
      elsewhere.id,
      '--reason',
      'test',
      '--data',
      data,
    ]);
    expectOneLineError(
      refused.stderr,
      new RegExp(`cannot go on movement ${elsewhere.id}: goes to`),
    );
    const noReason = corridor(['move-case', caseId, to.id, '--data', data]);
    expectOneLineError(noReason.stderr, /reason: say why the case moves/);
    expect(versions()).toBe(before);

    const moved = corridor([
      'move-case',
      caseId,
      to.id,
      '--reason',
      'travels with relatives',
      '--data',
      data,
      '--json',
    ]);
    expect(moved.code).toBe(0);
    expect(JSON.parse(moved.stdout)).toMatchObject({ case: caseId, from: from.id, to: to.id });
    const after: Row[] = JSON.parse(corridor(['timetable', '--data', data, '--json']).stdout);
    expect(after.find((m) => m.id === to.id)!.cases).toContain(caseId);
    expect(after.find((m) => m.id === from.id)!.cases).not.toContain(caseId);
    const locks = JSON.parse(corridor(['allocate', 'locks', '--data', data, '--json']).stdout);
    expect(locks.find((l: { householdId: string }) => l.householdId === caseId)).toMatchObject({
      movementId: to.id,
      reason: 'travels with relatives',
    });
  }, 180_000);

  it('keeps the incident log and estimates the hazard from it', () => {
    const list = JSON.parse(corridor(['incident', 'list', '--data', data, '--json']).stdout);
    expect(list.filter((i: { type: string }) => i.type === 'indirect-fire')).toHaveLength(5);
    expect(list.filter((i: { type: string }) => i.type === 'threat')).toHaveLength(1);
    const hazard = JSON.parse(
      corridor(['hazard', '--from', '2027-06-25', '--to', '2027-07-05', '--data', data, '--json'])
        .stdout,
    );
    expect(hazard).toHaveLength(11);
    const day = (d: string) => hazard.find((h: { day: string }) => h.day === d);
    expect(day('2027-07-01').mean).toBeGreaterThan(day('2027-06-30').mean * 3);
    expect(day('2027-07-01').upper90).toBeGreaterThan(day('2027-07-01').mean);
    const csv = join(dir, 'incidents.csv');
    writeFileSync(
      csv,
      'type,date,location,injured,killed,confidence\n#event+type,#date,#loc+name,#affected+injured,#affected+killed,#meta+confidence\nindirect-fire,2030-02-01T22:00:00+03:00,Camp Meridian,2,0,verified\nrocket,2030-02-02T22:00:00+03:00,Camp Meridian,1,0,verified\n',
    );
    const bad = corridor(['incident', 'import', csv, '--data', data]);
    expectOneLineError(
      bad.stderr,
      /nothing imported; 1 problem\(s\): row 4, column type: "rocket"/,
    );
    expect(
      JSON.parse(corridor(['incident', 'list', '--data', data, '--json']).stdout),
    ).toHaveLength(list.length);
    writeFileSync(
      csv,
      'type,date,location,injured,killed,confidence\n#event+type,#date,#loc+name,#affected+injured,#affected+killed,#meta+confidence\nindirect-fire,2030-02-01T22:00:00+03:00,Camp Meridian,2,0,verified\n',
    );
    expect(
      JSON.parse(corridor(['incident', 'import', csv, '--data', data, '--json']).stdout),
    ).toEqual({ imported: 1 });
  });

  it('solves generalised assignment files and names what is wrong with a bad one', () => {
    const gap = join(root, '../shared/data/gap/cattrysse1994/gap1-0');
    const line = JSON.parse(corridor(['solve-gap', gap, '--json']).stdout.trim());
    expect(line).toMatchObject({
      name: 'gap1-0',
      m: 5,
      n: 15,
      sense: 'min',
      status: 'optimal',
      objective: 261,
    });
    expect(line.assignment).toHaveLength(15);
    const bad = join(dir, 'bad.gap');
    writeFileSync(bad, '2 3 1 2 3');
    expectOneLineError(corridor(['solve-gap', bad]).stderr, /expected 16 numbers for m=2, n=3/);
  });

  it('reviews duplicates and merges only when told', () => {
    const pairs = JSON.parse(
      corridor(['dedup', 'list', '--status', 'open', '--data', data, '--json']).stdout,
    );
    expect(pairs.length).toBeGreaterThan(0);
    const noNote = corridor(['dedup', 'decide', String(pairs[0].id), '--merge', '--data', data]);
    expect(noNote.code).not.toBe(0);
    const decided = corridor([
      'dedup',
      'decide',
      String(pairs[0].id),
      '--distinct',
      '--note',
      'twins, checked',
      '--data',
      data,
      '--json',
    ]);
    expect(JSON.parse(decided.stdout).status).toBe('distinct');
  });

  it('refuses a second process while the folder is in use', () => {
    // The lock file of a live process (this test's own) stands for a running server.
    const lock = join(data, 'corridor.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }),
    );
    try {
      const r = corridor(['status', '--data', data]);
      expect(r.code).toBe(1);
      expectOneLineError(r.stderr, new RegExp(`in use by process ${process.pid}`));
    } finally {
      rmSync(lock);
    }
  });

  it('refuses a folder that is not Corridor data', () => {
    const other = tempDir();
    try {
      writeFileSync(join(other.dir, 'thesis.docx'), 'x');
      const r = corridor(['demo', '--data', other.dir]);
      expectOneLineError(r.stderr, /is not a Corridor data folder/);
      expect(readdirSync(other.dir)).toEqual(['thesis.docx']);
    } finally {
      other.cleanup();
    }
  });

  it('verifies the audit chain', () => {
    const verdict = JSON.parse(corridor(['audit', 'verify', '--data', data, '--json']).stdout);
    expect(verdict.ok).toBe(true);
    expect(verdict.events).toBeGreaterThan(3);
    const events = JSON.parse(
      corridor(['audit', 'list', '--data', data, '--json', '--limit', '5']).stdout,
    );
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({ seq: 1, action: 'operation.create' });
    const head = corridor(['audit', 'head', '--data', data]).stdout.trim();
    expect(head).toMatch(new RegExp(`^${verdict.events}:[0-9a-f]{64}$`));
    const anchored = corridor(['audit', 'verify', '--anchor', head, '--data', data, '--json']);
    expect([anchored.code, JSON.parse(anchored.stdout).ok]).toEqual([0, true]);
    const forged = corridor(['audit', 'verify', '--anchor', `1:${'0'.repeat(64)}`, '--data', data]);
    expect(forged.code).toBe(3);
    expect(forged.stdout).toContain(
      'audit chain BROKEN at event 1: event 1 differs from its anchor',
    );
    expectOneLineError(
      corridor(['audit', 'verify', '--anchor', 'latest', '--data', data]).stderr,
      /anchor "latest" must be SEQ:HASH/,
    );
  });

  it('backs up and restores to identical counts, only with the master key', () => {
    const file = join(dir, 'demo.backup');
    expect(corridor(['backup', '--data', data, '--out', file]).code).toBe(0);
    const target = join(dir, 'restored');
    const noKey = corridor(['restore', file, '--data', target]);
    expectOneLineError(noKey.stderr, /needs the master key/);
    expect(existsSync(target)).toBe(false);
    mkdirSync(target);
    copyFileSync(join(data, 'master.key'), join(target, 'master.key'));
    const restored = corridor(['restore', file, '--data', target, '--json']);
    expect(restored.code).toBe(0);
    expect(corridor(['status', '--data', target, '--json']).stdout).toBe(
      corridor(['status', '--data', data, '--json']).stdout,
    );
  });

  it('rejects unknown commands as a usage error', () => {
    expect(corridor(['fly']).code).toBe(2);
  });
});

describe('corridor on PostgreSQL (DATABASE_URL)', () => {
  it('creates the demo and reports the same counts', async () => {
    const url = await freshPostgresUrl();
    const { dir, cleanup } = tempDir();
    try {
      const r = corridor(['demo', '--people', '120', '--json', '--data', dir], {
        DATABASE_URL: url,
      });
      expect(r.code).toBe(0);
      const status = JSON.parse(
        corridor(['status', '--json', '--data', dir], { DATABASE_URL: url }).stdout,
      );
      expect(status.persons).toBe(JSON.parse(r.stdout).persons);
      expect(status.destinations).toBe(10);
    } finally {
      cleanup();
    }
  });

  it('says clearly when the server does not answer', () => {
    const r = corridor(['status'], { DATABASE_URL: 'postgres://postgres@127.0.0.1:1/nothing' });
    expect(r.code).toBe(1);
    expectOneLineError(
      r.stderr,
      /cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:1\/nothing/,
    );
  });
});
