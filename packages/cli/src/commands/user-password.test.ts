import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '@corridor/server';
import { openStore } from '@corridor/storage';
import { tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');

function corridor(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'packages/cli/dist/commands/user.js')))
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
});

describe('corridor user password', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  it('sets a password from standard input, refusing common ones with a clear one-line message', async () => {
    expect(corridor(['demo', '--data', data, '--people', '30']).code).toBe(0);
    const add = ['user', 'add', 'ana', '--role', 'planner', '--password-stdin', '--data', data];
    expect(corridor(add, 'first okapi lantern gravel\n').code).toBe(0);
    const common = corridor(
      ['user', 'add', 'bo', '--role', 'planner', '--password-stdin', '--data', data],
      'Password123456\n',
    );
    expect([common.code, common.stderr.trim().split('\n').length]).toEqual([1, 1]);
    expect(common.stderr).toMatch(
      /^corridor: invalid input for user\.add at password: is too common: it is on a list of 4\d,\d{3} passwords/,
    );

    const set = (name: string, input?: string, extra: string[] = ['--password-stdin']) =>
      corridor(['user', 'password', name, ...extra, '--data', data, '--json'], input);
    const noStdin = set('ana', undefined, []);
    expect([noStdin.code, noStdin.stderr]).toEqual([1, expect.stringMatching(/--password-stdin/)]);
    const weak = set('ana', 'qwerty123456\n');
    expect([weak.code, weak.stderr]).toEqual([
      1,
      expect.stringMatching(/^corridor: the new password is too common/),
    ]);
    const nobody = set('nobody', 'second okapi lantern gravel\n');
    expect([nobody.code, nobody.stderr]).toEqual([
      1,
      expect.stringMatching(/user nobody not found/),
    ]);
    const ok = set('ana', 'second okapi lantern gravel\n');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual({ username: 'ana', sessionsEnded: 0 });

    // The server over the same folder takes the new password and not the old one.
    const store = await openStore(
      { dataDir: data, create: false },
      { ...process.env, CORRIDOR_MASTER_KEY: '' },
    );
    try {
      const app = await buildApp(store, { log: () => undefined });
      const login = (password: string) =>
        app.inject({ method: 'POST', url: '/api/login', payload: { username: 'ana', password } });
      expect((await login('first okapi lantern gravel')).statusCode).toBe(401);
      expect((await login('second okapi lantern gravel')).statusCode).toBe(200);
      const audit = await store.audit.events(0);
      expect(audit.filter((e) => e.action === 'user.password')).toHaveLength(1);
      await app.close();
    } finally {
      await store.close();
    }
  }, 600_000);
});
