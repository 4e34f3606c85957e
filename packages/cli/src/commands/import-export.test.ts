import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 5).toString('base64');

function corridor(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: '',
      CORRIDOR_DATA: '',
      CORRIDOR_MASTER_KEY: key,
      ...env,
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const given = ['Amal', 'Omar', 'Lina', 'Yusuf', 'Sara', 'Karim', 'Nour', 'Hadi'];
const family = ['Haddad', 'Rahimi', 'Karimi', 'Sultani', 'Nasiri', 'Azizi'];

/**
 * A roster as another registration system might write it: its own headers, an HXL row,
 * day-first dates, household columns on the head's row only. `households` cases of 1–4 people.
 */
function roster(households: number): string[][] {
  const lines = [
    [
      'Case No',
      'Individual ID',
      'First Name',
      'Surname',
      'Sex',
      'DOB',
      'HoH',
      'Origin',
      'Language',
      'Specific needs',
    ],
    [
      '#affected+hh+id',
      '#affected+ind+id',
      '#affected+ind+name+given',
      '#affected+ind+name+family',
      '#affected+ind+sex',
      '#date+birth',
      '#affected+ind+head',
      '#country+code',
      '#language+code',
      '#affected+ind+needs',
    ],
  ];
  let person = 0;
  for (let h = 1; h <= households; h++) {
    const size = 1 + (h % 4);
    for (let k = 0; k < size; k++) {
      person++;
      const day = String(1 + (person % 28)).padStart(2, '0');
      const month = String(1 + (person % 12)).padStart(2, '0');
      lines.push([
        `RC-${h}`,
        `RI-${person}`,
        given[person % given.length]!,
        family[h % family.length]!,
        person % 2 ? 'F' : 'M',
        `${day}.${month}.${1960 + (person % 50)}`,
        k === 0 ? 'Y' : 'N',
        k === 0 ? ['IRQ', 'SYR', 'AFG'][h % 3]! : '',
        k === 0 ? 'ar' : '',
        person % 17 === 0 ? 'SM:2' : '',
      ]);
    }
  }
  return lines;
}

const csv = (lines: string[][]) => lines.map((l) => l.join(',')).join('\n') + '\n';

describe('corridor import and export', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('refuses a roster with bad rows on a dry run and for real, creating nothing, then imports it fixed', () => {
    const good = roster(1200);
    const bad = good.map((l) => [...l]);
    bad[99]![5] = '31/02/1990'; // row 100: impossible date
    bad[499]![1] = bad[498]![1]!; // row 500: duplicate person id
    bad[1499]![3] = ''; // row 1500: missing surname
    const orphanCase = bad.findIndex((l, k) => k > 2000 && l[6] === 'Y');
    bad[orphanCase]![7] = 'XYZ'; // the head's row: not a country code
    const file = join(dir, 'roster.csv');
    writeFileSync(file, csv(bad));
    const data = join(dir, 'data');
    for (const extra of [['--dry-run'], []]) {
      const r = corridor(['import', file, '--data', data, '--json', ...extra]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(
        /^corridor: (nothing imported|the file would be refused): 4 problem\(s\) in 4 row\(s\)$/,
      );
      const report = JSON.parse(r.stdout);
      expect(report.badRows).toEqual([100, 500, 1500, orphanCase + 1].sort((a, b) => a - b));
      expect(
        report.problems.map((p: { row: number; column: string; value: string }) => [
          p.row,
          p.column,
          p.value,
        ]),
      ).toEqual(
        [
          [100, 'DOB', '<redacted>'],
          [500, 'Individual ID', bad[499]![1]],
          [1500, 'Surname', ''],
          [orphanCase + 1, 'Origin', 'XYZ'],
        ].sort((a, b) => (a[0] as number) - (b[0] as number)),
      );
      expect(existsSync(data)).toBe(false);
    }
    const text = corridor(['import', file, '--data', data]);
    expect(text.stdout).toMatch(/REFUSED — nothing imported: 4 problem\(s\) in 4 row\(s\)/);
    expect(text.stdout).toMatch(/100\s+DOB\s+<redacted>\s+is not a real calendar date/);
    writeFileSync(file, csv(good));
    // A dry run of a good file into no database answers from the check alone: nothing created.
    const dry = corridor(['import', file, '--data', data, '--dry-run', '--json']);
    expect([dry.code, JSON.parse(dry.stdout).written, existsSync(data)]).toEqual([0, false, false]);
    const ok = corridor(['import', file, '--data', data, '--operation', 'Roster test', '--json']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.stdout);
    const persons = good.length - 2;
    expect(report).toMatchObject({
      ok: true,
      written: true,
      households: { created: 1200 },
      persons: { created: persons },
      operation: { name: 'Roster test', created: true },
    });
    const status = JSON.parse(corridor(['status', '--data', data, '--json']).stdout);
    expect(status).toMatchObject({ persons, households: 1200, byStatus: { registered: 1200 } });
    const audit = JSON.parse(corridor(['audit', 'list', '--data', data, '--json']).stdout);
    expect(audit.at(-1)).toMatchObject({ action: 'registry.import', entityId: report.file.sha256 });
  });

  // A dozen CLI processes one after another (2–3 s each to start on this 2-core machine): 180 s.
  it('reads back what it exports: export, import into a new folder, export again, byte for byte', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    expect(corridor(['demo', '--people', '200', '--data', a]).code).toBe(0);
    const first = join(dir, 'persons.csv');
    const destinations = join(dir, 'destinations.json');
    expect(corridor(['export', 'persons', '--hxl', '--data', a, '--out', first]).code).toBe(0);
    expect(
      corridor(['export', 'destinations', '--format', 'json', '--data', a, '--out', destinations])
        .code,
    ).toBe(0);
    expect(corridor(['import', destinations, '--data', b, '--operation', 'Copy']).code).toBe(0);
    const imported = corridor(['import', first, '--data', b, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).problems).toEqual([]);
    const again = corridor(['export', 'persons', '--hxl', '--data', b]);
    expect(again.stdout).toBe(readFileSync(first, 'utf8'));
    const households = corridor(['export', 'households', '--data', b]).stdout.trim().split('\n');
    expect(households[0]).toMatch(/^household_id,household_status,origin_country,/);
    const redacted = corridor(['export', 'persons', '--redact', '--data', b]).stdout;
    expect(redacted.split('\n')[0]).not.toMatch(/name|birth_date|document_number|mrz/);
    const auditor = corridor(['export', 'persons', '--data', b, '--role', 'auditor']).stdout;
    expect(auditor.split('\n')[0]).toBe(redacted.split('\n')[0]);
    const xlsx = corridor(['export', 'persons', '--format', 'xlsx', '--data', b]);
    expect(xlsx.code).toBe(1);
    expect(xlsx.stderr).toMatch(/XLSX needs --out FILE/);
  }, 180_000);

  it('creates the database and operation in an empty PostgreSQL database, and nothing on a refused file', async () => {
    // The data folder holds this PostgreSQL database's keyring: one of its own, not the default
    // ./corridor-data of the repository (another run's database owns that one).
    const env = { DATABASE_URL: await freshPostgresUrl(), CORRIDOR_DATA: join(dir, 'pg-keys') };
    const file = join(dir, 'small.csv');
    const bad = roster(5);
    bad[3]![4] = 'q';
    writeFileSync(file, csv(bad));
    const refused = corridor(['import', file], env);
    expect(refused.code).toBe(1);
    expect(corridor(['status'], env).stderr).toMatch(/no Corridor data/);
    writeFileSync(file, csv(roster(5)));
    const ok = corridor(['import', file, '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).operation).toMatchObject({ name: 'small', created: true });
    expect(JSON.parse(corridor(['status', '--json'], env).stdout).households).toBe(5);
  });
});
