/**
 * N servers started at the same moment on a new PostgreSQL database: every one opens the store
 * (migrations) and starts its job runner (pg-boss's schema), and every one answers.
 */
import { join } from 'node:path';
import { openStore, type Store } from '@corridor/storage';
import { freshPostgresUrl, tempDir, testEnv } from '@corridor/storage/test-support';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { noLimits } from './test-support/test-server.js';

/** Opens a store and builds the app over it, as `corridor serve` does. */
async function start(databaseUrl: string, dataDir: string) {
  const store = await openStore({ dataDir, databaseUrl, create: true }, testEnv);
  try {
    return { store, app: await buildApp(store, { ...noLimits, log: () => undefined }) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

describe('servers starting at once on a new PostgreSQL database', () => {
  const files = tempDir();
  afterAll(() => files.cleanup());

  it('all four start and answer, round after round', async () => {
    for (let round = 0; round < 4; round++) {
      const databaseUrl = await freshPostgresUrl();
      // One data folder per database: it holds that database's keyring, shared by its servers.
      const dataDir = join(files.dir, `round-${round}`);
      const started = await Promise.allSettled(
        Array.from({ length: 4 }, () => start(databaseUrl, dataDir)),
      );
      const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(
          started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started')),
          `round ${round}`,
        ).toEqual(Array(4).fill('started'));
        for (const { app } of up as { app: FastifyInstance; store: Store }[])
          expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
      } finally {
        for (const { app, store } of up) {
          await app.close();
          await store.close();
        }
      }
    }
  }, 600_000);
});
