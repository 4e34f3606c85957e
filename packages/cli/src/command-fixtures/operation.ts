/** Fixtures for the operation's commands: a backup, and the demo (which replaces everything: last). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureGroup } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-operation-fixtures-'));

/** The operation commands' fixtures. */
export const operationFixtures: FixtureGroup = {
  fixtures: {
    'operation.backup': {
      cli: (k) => ['backup', '--out', join(dir, `backup-${k}.cbk`)],
      api: () => ({ method: 'GET', url: '/api/backup' }),
    },
    'operation.demo': {
      last: true,
      cli: () => ['demo', '--people', '20', '--seed', '7'],
      api: () => ({ method: 'POST', url: '/api/demo', payload: { people: 20, seed: 7 } }),
    },
  },
};
