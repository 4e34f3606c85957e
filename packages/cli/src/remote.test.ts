/**
 * The CLI against a running server: `corridor login --server`, then bound commands run there as
 * the logged-in user, answer what the API answers, and are refused exactly as over HTTP.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { startTestServer, testPassword, type TestServer } from '@corridor/server/test-support';
import { postgresBackend, tempDir } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsFile } from './remote.js';

const root = join(import.meta.dirname, '../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');

describe('corridor --server', () => {
  const config = tempDir();
  let server: TestServer;
  let url: string;
  const env = {
    ...process.env,
    DATABASE_URL: '',
    CORRIDOR_DATA: '/nonexistent',
    CORRIDOR_CONFIG_DIR: config.dir,
  };
  /** Runs the built CLI without blocking this process, whose event loop serves the API. */
  const corridor = (args: string[], input = '') =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, [bin, ...args], { cwd: root, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => done({ code, stdout, stderr }));
      child.stdin.end(input);
    });

  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, generateDemo({ people: 40, seed: 9 }));
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    config.cleanup();
  });

  it('says to log in first, naming the server', async () => {
    const r = await corridor(['property', 'report', '--server', url]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`not logged in at ${url}; run \`corridor login --server ${url}`);
  });

  it('refuses a wrong password and keeps no session', async () => {
    const r = await corridor(
      ['login', '--server', url, '--username', 'auditor', '--password-stdin'],
      'wrong one',
    );
    expect([r.code, r.stderr]).toEqual([1, 'corridor: wrong username or password\n']);
  });

  it('runs reads as the logged-in auditor and answers what the API answers', async () => {
    const login = await corridor(
      ['login', '--server', url, '--username', 'auditor', '--password-stdin', '--json'],
      testPassword,
    );
    expect(login.code, login.stderr).toBe(0);
    expect(statSync(sessionsFile({ CORRIDOR_CONFIG_DIR: config.dir })).mode & 0o777).toBe(0o600);
    const cli = await corridor(['property', 'report', '--server', url, '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const api = await server.as('auditor', { method: 'GET', url: '/api/property/report' });
    expect(JSON.parse(cli.stdout)).toEqual(api.json());
  });

  it('refuses the auditor a write on the server, and --role cannot widen it', async () => {
    const before = (await server.store.property.ledger()).assets.length;
    const add = [
      'property',
      'add',
      '--id',
      'A-REMOTE',
      '--category',
      'vehicles',
      '--description',
      'truck',
      '--value',
      '100',
      '--currency',
      'USD',
      '--appraised-on',
      '2026-01-01',
      '--server',
      url,
    ];
    const r = await corridor([...add, '--role', 'admin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^corridor: role auditor may not call POST \/api\/property\/assets/);
    expect((await server.store.property.ledger()).assets.length).toBe(before);

    const planner = ['login', '--server', url, '--username', 'planner', '--password-stdin'];
    expect((await corridor(planner, testPassword)).code).toBe(0);
    const ok = await corridor([...add, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ added: 1, ids: ['A-REMOTE'] });
    const last = (await server.store.audit.events(0, 1_000_000)).at(-1)!;
    expect([last.action, last.actor, last.role]).toEqual([
      'property.add',
      'api:planner',
      'planner',
    ]);
  });

  it('logs out: the token no longer works and is forgotten', async () => {
    expect((await corridor(['logout', '--server', url])).stdout).toBe(`logged out of ${url}\n`);
    expect((await corridor(['property', 'report', '--server', url])).stderr).toContain(
      'not logged in',
    );
  });
});
