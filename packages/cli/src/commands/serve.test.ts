import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@corridor/storage';
import { freshPostgresUrl, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const password = 'a long enough password';

function corridor(args: string[], env: Record<string, string> = {}, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!existsSync(join(root, 'packages/cli/dist/commands/serve.js')))
    throw new Error('the CLI is not built: run `npm run build` (npm test does it)');
});

describe('corridor user, person and serve', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  it('adds users from a password on standard input, never as an argument', () => {
    expect(corridor(['demo', '--data', data, '--people', '60']).code).toBe(0);
    const added = corridor(
      ['user', 'add', 'ana', '--role', 'registrar', '--password-stdin', '--data', data, '--json'],
      {},
      `${password}\n`,
    );
    expect(added.stderr).toBe('');
    expect(JSON.parse(added.stdout)).toMatchObject({ username: 'ana', role: 'registrar' });
    const noStdin = corridor(['user', 'add', 'bo', '--role', 'planner', '--data', data]);
    expect([noStdin.code, noStdin.stderr]).toEqual([1, expect.stringMatching(/--password-stdin/)]);
    const short = corridor(
      ['user', 'add', 'bo', '--role', 'planner', '--password-stdin', '--data', data],
      {},
      'short\n',
    );
    expect(short.stderr).toMatch(/at least 12 characters/);
    const twice = corridor(
      ['user', 'add', 'ana', '--role', 'auditor', '--password-stdin', '--data', data],
      {},
      password,
    );
    expect(twice.stderr).toMatch(/already exists/);
    corridor(
      ['user', 'add', 'po', '--role', 'protection-officer', '--password-stdin', '--data', data],
      {},
      password,
    );
    const list = corridor(['user', 'list', '--data', data, '--json']);
    expect(JSON.parse(list.stdout).map((u: { username: string }) => u.username)).toEqual([
      'ana',
      'po',
    ]);
    expect(list.stdout).not.toMatch(/argon2|password/i);
  });

  it('serves the API over the data folder until stopped', async () => {
    const status = JSON.parse(corridor(['status', '--data', data, '--json']).stdout);
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', data], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: '' },
    });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        const m = /serving (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited: ${stderr}`)));
    });
    try {
      const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      const login = await fetch(`${url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password }),
      });
      expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
      const { token } = (await login.json()) as { token: string };
      const api = await fetch(`${url}/api/status`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await api.json()).toEqual(status);
      expect((await fetch(`${url}/docs`)).status).toBe(200);
      // A CLI command on the folder meanwhile is refused, and told where the server answers.
      const busy = corridor(['status', '--data', data]);
      expect(busy.code).not.toBe(0);
      expect(busy.stderr).toContain(`corridor serve at ${url}`);
      expect(busy.stderr).toContain(`${url}/api/status`);
    } finally {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stdout).toMatch(/"route":"\/api\/status","status":200/);
    expect(stdout).not.toContain(password);
    // The folder is free again, and no longer says it is served.
    expect(corridor(['status', '--data', data]).code).toBe(0);
    expect(existsSync(join(data, 'corridor.serving'))).toBe(false);
  });

  it('erases a person only in an allowed role, and the case shows it', () => {
    const show = JSON.parse(corridor(['case', 'show', 'C-0001', '--data', data, '--json']).stdout);
    const person = show.members[0].id as string;
    const refused = corridor(['person', 'erase', person, '--role', 'planner', '--data', data]);
    expect([refused.code, refused.stderr]).toEqual([
      1,
      expect.stringMatching(/may not person\.erase/),
    ]);
    const done = corridor([
      'person',
      'erase',
      person,
      '--role',
      'protection-officer',
      '--data',
      data,
      '--json',
    ]);
    expect(JSON.parse(done.stdout)).toMatchObject({
      personId: person,
      householdId: 'C-0001',
      final: true,
    });
    // The key generation that wrapped the person's key is gone: one key file, the new one.
    const keys = readdirSync(join(data, 'keys')).filter((f) => f.startsWith('kek-'));
    expect(keys).toHaveLength(1);
    const other = JSON.parse(corridor(['case', 'show', 'C-0002', '--data', data, '--json']).stdout);
    const second = other.members[0].id as string;
    const now = corridor(['person', 'erase', second, '--now', '--data', data]);
    expect([now.code, now.stdout]).toEqual([0, expect.stringMatching(/final on disk at/)]);
    expect(readdirSync(join(data, 'keys')).filter((f) => f.startsWith('kek-'))).not.toEqual(keys);
    expect(corridor(['case', 'show', 'C-0001', '--data', data]).stdout).toContain('(erased)');
    expect(corridor(['person', 'erase', person, '--data', data]).stderr).toMatch(/already erased/);
  });

  it('disables a user', () => {
    const r = corridor(['user', 'disable', 'ana', '--data', data, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'ana', disabled: true });
  });
});

describe.each(['pglite', 'postgres'])('corridor audit verify on %s', (backend) => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  afterAll(cleanup);

  it('finds an edited audit event and says which', async () => {
    const env: Record<string, string> =
      backend === 'postgres' ? { DATABASE_URL: await freshPostgresUrl() } : {};
    expect(corridor(['demo', '--data', data, '--people', '30'], env).code).toBe(0);
    expect(JSON.parse(corridor(['audit', 'verify', '--data', data, '--json'], env).stdout).ok).toBe(
      true,
    );
    const store = await openStore(
      { dataDir: data, databaseUrl: env.DATABASE_URL, create: false },
      { ...process.env, CORRIDOR_MASTER_KEY: '' },
    );
    try {
      await store.db
        .updateTable('audit_events')
        .set({ actor: 'someone else' })
        .where('seq', '=', 2)
        .execute();
    } finally {
      await store.close();
    }
    const broken = corridor(['audit', 'verify', '--data', data, '--json'], env);
    expect(broken.code).toBe(3);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, seq: 2 });
    expect(corridor(['audit', 'verify', '--data', data], env).stdout).toMatch(/BROKEN at event 2/);
  });
});
