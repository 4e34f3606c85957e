/** Fixtures for the commands that hand out files and audit them as exports (M2, M6, M9). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoMovements } from '@corridor/core';
import { seeder, type FixtureGroup } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-file-fixtures-'));
const seen = { person: '', movement: '' };

/** A one-household roster of its own ids (plain headers, as another registration system writes). */
const roster = (k: string) =>
  'Case No,Individual ID,First Name,Surname,Sex,DOB,HoH,Origin,Language\n' +
  `RC-${k},RI-${k},Amal,Haddad,F,01.02.1990,Y,IRQ,ar\n`;

/** The file commands' fixtures: an import, an export, a manifest, check-in slips and a custody record. */
export const fileFixtures: FixtureGroup = {
  async setup(store) {
    seen.person = (await store.registry.snapshot()).persons[0]!.id;
    // A movement of its own id: other capabilities' fixtures add the demo's movements too.
    const [first] = generateDemoMovements(
      await store.registry.destinations(),
      await store.registry.pledges(),
    );
    await store.movements.add([{ ...first!, id: 'M-FILE' }], seeder);
    seen.movement = 'M-FILE';
  },
  fixtures: {
    'registry.import': {
      prepare: async (_store, k) => writeFileSync(join(dir, `roster-${k}.csv`), roster(k)),
      cli: (k) => ['import', join(dir, `roster-${k}.csv`)],
      api: (k) => ({
        method: 'POST',
        url: '/api/import',
        payload: { name: `roster-${k}.csv`, content: Buffer.from(roster(k)).toString('base64') },
      }),
    },
    'registry.export': {
      cli: (k) => ['export', 'households', '--out', join(dir, `households-${k}.csv`)],
      api: () => ({ method: 'GET', url: '/api/export/households?format=csv' }),
    },
    'manifest.generate': {
      cli: (k) => ['manifest', seen.movement, '--out', join(dir, `manifest-${k}.csv`)],
      api: () => ({ method: 'GET', url: `/api/movements/${seen.movement}/manifest?format=csv` }),
    },
    'checkin.slips': {
      cli: (k) => ['checkin', 'slips', seen.movement, '--out', join(dir, `slips-${k}.pdf`)],
      api: () => ({ method: 'GET', url: `/api/movements/${seen.movement}/slips` }),
    },
    'incident.export': {
      cli: (k) => ['incident', 'export', '--hxl', '--out', join(dir, `incidents-${k}.csv`)],
      api: () => ({ method: 'GET', url: '/api/incidents/export?hxl=true' }),
    },
    'custody.recordPdf': {
      cli: (k) => ['custody', 'record', seen.person, '--out', join(dir, `custody-${k}.pdf`)],
      api: () => ({ method: 'GET', url: `/api/persons/${seen.person}/custody.pdf` }),
    },
  },
};
