/**
 * kill -9 during a key rotation (issue 20): a child process erases a person and rotates the keys;
 * it is killed at each step of the rotation and at random moments, on PGlite and PostgreSQL. After
 * each kill the store opens again (finishing or rolling back the rotation) and every person not
 * erased must still be readable, with exactly one key file left: the current generation's.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store.js';
import { freshPostgresUrl, tempDir, testEnv } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const demo = generateDemo({ people: 800, seed: 31 });
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

type Kill = { at: 'written' | 'rewrapped' | 'committed' | 'destroyed' } | { afterMs: number };

/** Runs the child until it is killed where `kill` says (or finishes); resolves when it is gone. */
function runChild(config: { dataDir: string; databaseUrl?: string }, victim: string, kill: Kill) {
  const stopAt = 'at' in kill ? kill.at : '';
  const script = `import { openStore } from './packages/storage/src/store.ts';
const s = await openStore(${JSON.stringify({ ...config, create: false })});
await s.registry.erasePerson(${JSON.stringify(victim)}, { name: 'child', role: 'admin' });
process.stdout.write('rotating\\n');
await s.keys.rotate(async (stage) => {
  process.stdout.write(stage + '\\n');
  if (stage === ${JSON.stringify(stopAt)}) await new Promise(() => setInterval(() => {}, 1000));
});
process.stdout.write('done\\n');
await new Promise(() => setInterval(() => {}, 1000));`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: join(import.meta.dirname, '../../../..'),
    env: { ...testEnv, CORRIDOR_ERASURE_BATCH_SECONDS: '3600' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<string[]>((resolve, reject) => {
    const seen: string[] = [];
    child.stdout.on('data', (d: Buffer) => {
      for (const line of d.toString().split('\n').filter(Boolean)) {
        seen.push(line);
        if (line === 'rotating' && 'afterMs' in kill)
          setTimeout(() => child.kill('SIGKILL'), kill.afterMs);
        if (line === stopAt || line === 'done') child.kill('SIGKILL');
      }
    });
    child.on('exit', () => resolve(seen));
    child.on('error', reject);
  });
}

const kills: Kill[] = [
  { at: 'written' },
  { at: 'rewrapped' },
  { at: 'committed' },
  { at: 'destroyed' },
  // Random moments from the start of the rotation (each failure message names its moment).
  ...Array.from({ length: 2 }, () => ({ afterMs: Math.floor(Math.random() * 1500) })),
];

describe.each(['pglite', 'postgres'] as const)('kill -9 during a key rotation on %s', (name) => {
  it('leaves every person not erased readable, and one key file', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const config = {
      dataDir: join(dir, 'data'),
      ...(name === 'postgres' ? { databaseUrl: await freshPostgresUrl() } : {}),
    };
    const first = await openStore({ ...config, create: true }, testEnv);
    await first.registry.createOperation(demo, admin);
    await first.close();
    const victims = demo.persons.filter((p) => !p.isHead).map((p) => p.id);

    for (const [i, kill] of kills.entries()) {
      const seen = await runChild(config, victims[i]!, kill);
      const store = await openStore({ ...config, create: false }, testEnv);
      try {
        const snapshot = await store.registry.snapshot();
        const erased = new Set(victims.slice(0, i + 1));
        const where = `kill ${JSON.stringify(kill)} after ${seen.join(',')}`;
        for (const p of snapshot.persons) {
          const expected = demo.persons.find((d) => d.id === p.id)!;
          if (erased.has(p.id)) expect(p.pii, where).toBeNull();
          else expect(p.pii, where).toEqual(expected.pii);
        }
        const status = await store.keys.status();
        expect(status.pendingErasures, where).toBe(0);
        const files = readdirSync(status.keyDir).filter((f) => f.startsWith('kek-'));
        expect(files, where).toEqual([`kek-${String(status.generation).padStart(6, '0')}.key`]);
      } finally {
        await store.close();
      }
    }
  }, 600_000);
});
