import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');

function corridor(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('corridor report', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  beforeAll(() => {
    for (const step of [['demo', '--people', '200'], ['allocate'], ['schedule']])
      expect(corridor([...step, '--data', data]).code).toBe(0);
  }, 120_000);

  it('writes the A4 situation report and says what is in it', () => {
    const out = join(dir, 'situation.pdf');
    const r = corridor(['report', '--out', out, '--date', '2027-01-01', '--data', data, '--json']);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const status = JSON.parse(corridor(['status', '--data', data, '--json']).stdout);
    expect([report.persons, report.remaining]).toEqual([status.persons, status.persons]);
    expect(report.ahead.length).toBeGreaterThan(0);
    expect(report.plannedExposure).toBeGreaterThan(0);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(
      Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1]),
    ).toBeGreaterThan(0);
  });

  it('refuses a bad date and a missing output', () => {
    expect(
      corridor(['report', '--date', '2027-13-45', '--out', 'x.pdf', '--data', data]),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/--date must be YYYY-MM-DD/),
    });
    expect(corridor(['report', '--data', data]).stderr).toMatch(/--out FILE\.pdf/);
  });
});
