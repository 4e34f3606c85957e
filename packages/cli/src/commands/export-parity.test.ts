/**
 * One redaction rule for the persons export: every role gets the same file from the CLI as from
 * the API (planners and movement officers used to get names from the CLI only).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo, roles, type Role } from '@corridor/core';
import { startTestServer, type TestServer } from '@corridor/server/test-support';
import { postgresBackend, testEnv } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

async function corridor(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = (() => true) as never;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as never;
  try {
    const code = await main(['node', 'corridor', ...args]);
    process.exitCode = undefined;
    return { code, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('the persons export, from the CLI and the API', () => {
  let server: TestServer;
  const dir = mkdtempSync(join(tmpdir(), 'corridor-export-parity-'));
  const demo = generateDemo({ people: 30, seed: 8 });
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, {}, demo);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(roles as readonly Role[])('gives %s the same file both ways', async (role) => {
    const file = join(dir, `persons-${role}.csv`);
    // The server's data folder holds its database's keyring.
    const cli = await corridor([
      'export',
      'persons',
      '--out',
      file,
      '--role',
      role,
      '--data',
      server.dataDir,
    ]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const api = await server.as(role, { method: 'GET', url: '/api/export/persons?format=csv' });
    expect(api.statusCode).toBe(200);
    const fromCli = readFileSync(file, 'utf8');
    expect(fromCli).toBe(api.body);
    // A role that may see names gets them, in both files; any other role gets none.
    const name = demo.persons[0]!.pii.familyName;
    const named = ['admin', 'registrar', 'protection-officer'].includes(role);
    expect(fromCli.includes(name)).toBe(named);
  });
});
