/** `corridor backup` and `corridor restore` in both modes: a restored demo has identical counts. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 33).toString('base64');

function corridor(args: string[], env: Record<string, string>, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key, DATABASE_URL: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('backup of the demo restored into PostgreSQL and back into a data folder', () => {
  const { dir, cleanup } = tempDir();
  afterAll(cleanup);

  it('restores identical counts both ways and refuses a database that already has a user', async () => {
    const data = join(dir, 'demo');
    expect(corridor(['demo', '--data', data, '--people', '600'], {}).code).toBe(0);
    expect(corridor(['allocate', '--data', data], {}).code).toBe(0);
    const status = corridor(['status', '--json', '--data', data], {}).stdout;
    const file = join(dir, 'demo.backup');
    expect(corridor(['backup', '--out', file, '--data', data], {}).code).toBe(0);

    const url = await freshPostgresUrl();
    const intoPg = corridor(['restore', file, '--data', join(dir, 'pg-key')], {
      DATABASE_URL: url,
    });
    expect([intoPg.code, intoPg.stderr]).toEqual([0, '']);
    expect(
      corridor(['status', '--json', '--data', join(dir, 'pg-key')], { DATABASE_URL: url }).stdout,
    ).toBe(status);
    // On PostgreSQL the data folder holds the key files (the keyring) of that database.
    const pgKey = ['--data', join(dir, 'pg-key')];
    const verify = corridor(['audit', 'verify', '--json', ...pgKey], { DATABASE_URL: url });
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });

    const again = join(dir, 'again.backup');
    expect(corridor(['backup', '--out', again, ...pgKey], { DATABASE_URL: url }).code).toBe(0);
    const folder = join(dir, 'back-in-a-folder');
    expect(corridor(['restore', again, '--data', folder], {}).code).toBe(0);
    expect(corridor(['status', '--json', '--data', folder], {}).stdout).toBe(status);

    const busy = await freshPostgresUrl();
    const busyKey = ['--data', join(dir, 'busy-key')];
    corridor(
      ['user', 'add', 'ana', '--role', 'admin', '--password-stdin', ...busyKey],
      { DATABASE_URL: busy },
      'a long enough password',
    );
    const refused = corridor(['restore', file, ...busyKey], { DATABASE_URL: busy });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty \(it holds rows in .*users.*\); restore into/);
  }, 180_000);
});
