import { availableParallelism } from 'node:os';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages (the "source" export
// condition), never against a possibly stale dist/.
const conditions = ['source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/web/e2e/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    globalSetup: ['./scripts/test-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core, at least two: vitest's default (cores - 1) ran one file at a time
    // on a 2-core machine, while most files spend much of their time waiting for a spawned CLI,
    // a server or PostgreSQL.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
