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
    // The CLI tests start real `corridor` processes one after another, 2–3 s each on this 2-core
    // machine while another file runs beside them: a minute was too tight for several of them.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll gives up after 1 s by default: a browser page on a loaded machine takes longer
    // to navigate and fetch (a CI run under load 19 failed so on the slip-scan test).
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // Two files at a time: most tests wait on PostgreSQL, child processes or timers, so two
    // workers keep both cores busy (vitest's default on a 2-core machine is one).
    maxWorkers: 2,
  },
});
