/** Fixtures for the incident log's write commands. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FixtureGroup } from './fixture.js';

const at = '2030-02-01T22:00:00+03:00';
const folder = mkdtempSync(join(tmpdir(), 'corridor-incident-fixture-'));
const csv = (k: string) =>
  `id,type,date,location,injured,killed,confidence\nI-IMP-${k},threat,${at},Camp Meridian,0,0,credible\n`;

/** The incident commands' fixtures: fresh ids each call. */
export const incidentFixtures: FixtureGroup = {
  fixtures: {
    'incident.add': {
      cli: (k) => [
        'incident',
        'add',
        '--id',
        `I-${k}`,
        '--type',
        'threat',
        '--at',
        at,
        '--site',
        'camp',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/incidents',
        payload: {
          id: `I-${k}`,
          type: 'threat',
          at,
          site: 'camp',
          lat: null,
          lon: null,
          injured: 0,
          killed: 0,
          source: '',
          confidence: 'unverified',
          narrative: 'seen from the gate',
          cases: [],
        },
      }),
    },
    'incident.import': {
      prepare: async (_store, k) => writeFileSync(join(folder, `${k}.csv`), csv(k)),
      cli: (k) => ['incident', 'import', join(folder, `${k}.csv`)],
      api: (k) => ({ method: 'POST', url: '/api/incidents/import', payload: { csv: csv(k) } }),
    },
  },
};
