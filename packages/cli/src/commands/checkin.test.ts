import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validatePaxlst } from '@corridor/core';
import { tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 6).toString('base64');

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: '',
      CORRIDOR_DATA: '',
      CORRIDOR_MASTER_KEY: key,
      CORRIDOR_ROLE: 'movement-officer',
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (args: string[]) => {
  const r = corridor([...args, '--json']);
  if (r.code !== 0) throw new Error(`corridor ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};

describe('corridor manifest and checkin', () => {
  const { dir, cleanup } = tempDir();
  const a = join(dir, 'station-a');
  const b = join(dir, 'station-b');
  let movement = '';
  let people: { personId: string; householdId: string }[] = [];
  afterAll(cleanup);

  beforeAll(() => {
    expect(corridor(['demo', '--people', '200', '--data', a, '--role', 'admin']).code).toBe(0);
    expect(corridor(['allocate', '--data', a, '--role', 'planner']).code).toBe(0);
    expect(corridor(['schedule', '--data', a, '--role', 'planner']).code).toBe(0);
    const timetable = corridor(['export', 'timetable', '--data', a]).stdout.trim().split('\n');
    movement = timetable[1]!.split(',')[3]!;
    people = json(['checkin', 'list', movement, '--data', a]);
    // The second desk's laptop gets a copy of the data before both go offline.
    cpSync(a, b, { recursive: true });
  }, 120_000);

  it('writes the manifest in every format; the PDF is a PDF and PAXLST passes the check', () => {
    const pdf = join(dir, 'manifest.pdf');
    const summary = json(['manifest', movement, '--format', 'pdf', '--out', pdf, '--data', a]);
    expect(summary.totals.persons).toBe(people.length);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/%%EOF\s*$/);
    const paxlst = corridor(['manifest', movement, '--format', 'paxlst', '--data', a]);
    expect(paxlst.code).toBe(0);
    expect(validatePaxlst(paxlst.stdout)).toMatchObject({ ok: true, passengers: people.length });
    const csv = corridor(['manifest', movement, '--data', a]).stdout.trim().split('\n');
    expect(csv).toHaveLength(people.length + 1);
    expect(corridor(['manifest', 'M-404', '--data', a]).stderr).toMatch(/movement M-404 not found/);
  });

  it('merges two offline stations: no record lost, the conflict listed and decided', () => {
    const [p1, p2, p3] = people.map((p) => p.personId);
    // The gate boards p2 and p3 before the rest of their households are seen at it: a
    // protection officer has let those households travel apart (else boarding is refused).
    for (const household of new Set(people.slice(1, 3).map((p) => p.householdId)))
      json([
        'checkin',
        'allow-split',
        movement,
        household,
        '--reason',
        'members travel on separate days',
        '--role',
        'protection-officer',
        '--data',
        b,
      ]);
    expect(
      corridor([
        'checkin',
        movement,
        p1!,
        '--status',
        'checked-in',
        '--station',
        'desk-a',
        '--data',
        a,
      ]).code,
    ).toBe(0);
    expect(
      corridor([
        'checkin',
        movement,
        p2!,
        '--status',
        'no-show',
        '--station',
        'desk-a',
        '--data',
        a,
      ]).code,
    ).toBe(0);
    expect(
      corridor([
        'checkin',
        movement,
        p2!,
        '--status',
        'boarded',
        '--station',
        'gate-b',
        '--data',
        b,
      ]).code,
    ).toBe(0);
    expect(
      corridor([
        'checkin',
        movement,
        p3!,
        '--status',
        'boarded',
        '--station',
        'gate-b',
        '--data',
        b,
      ]).code,
    ).toBe(0);
    const logA = join(dir, 'desk-a.json');
    const logB = join(dir, 'gate-b.json');
    expect(
      json(['checkin', 'export', '--station', 'desk-a', '--out', logA, '--data', a]).records,
    ).toBe(2);
    expect(
      json(['checkin', 'export', '--station', 'gate-b', '--out', logB, '--data', b]).records,
    ).toBe(2);
    expect(json(['checkin', 'merge', logB, '--data', a])).toMatchObject({
      added: 2,
      alreadyHad: 0,
    });
    expect(json(['checkin', 'merge', logA, '--data', b])).toMatchObject({
      added: 2,
      alreadyHad: 0,
    });
    for (const data of [a, b]) {
      const conflicts = json(['checkin', 'conflicts', '--data', data]);
      expect(conflicts.map((c: { personId: string }) => c.personId)).toEqual([p2]);
      const list = json(['checkin', 'list', movement, '--data', data]);
      const status = (id: string) =>
        list.find((r: { personId: string }) => r.personId === id).status;
      expect([status(p1!), status(p2!), status(p3!)]).toEqual([
        'checked-in',
        'conflict',
        'boarded',
      ]);
    }
    const blocked = corridor([
      'checkin',
      movement,
      p2!,
      '--status',
      'boarded',
      '--station',
      'desk-a',
      '--data',
      a,
    ]);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/stations disagree about person/);
    const decided = json([
      'checkin',
      'resolve',
      movement,
      p2!,
      '--status',
      'no-show',
      '--note',
      'gate list checked by hand',
      '--station',
      'desk-a',
      '--data',
      a,
    ]);
    expect(decided.state.status).toBe('no-show');
    expect(json(['checkin', 'conflicts', '--data', a])).toEqual([]);
    expect(json(['checkin', 'summary', movement, '--data', a])).toMatchObject({
      noShow: 1,
      boarded: 1,
      checkedIn: 1,
    });
    const audit = json(['audit', 'verify', '--data', a, '--role', 'admin']);
    expect(audit.ok).toBe(true);
  }, 180_000);
});
