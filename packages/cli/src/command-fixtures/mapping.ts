/** Fixtures for the form-mapping commands: a mapping saved, an ODK-style CSV export imported. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FormMapping } from '@corridor/core';
import { seeder, type FixtureGroup } from './fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-mapping-fixtures-'));

const mapping = (name: string): FormMapping => ({
  name,
  source: 'odk',
  households: { fields: { case_id: 'household_id', origin: 'origin_country' } },
  members: { sheet: 'members', fields: { name: 'full_name', gender: 'sex', head: 'is_head' } },
  ignore: [],
});

/** A one-household export of its own ids: the main CSV and its repeat group's. */
const main = (k: string) => `case_id,origin,KEY\nKF-${k},SYR,uuid:${k}\n`;
const members = (k: string) => `name,gender,head,PARENT_KEY\nRana Haddad,F,yes,uuid:${k}\n`;

/** The form-mapping commands' fixtures. */
export const mappingFixtures: FixtureGroup = {
  async setup(store) {
    await store.mappings.save(mapping('fixture-odk'), seeder);
  },
  fixtures: {
    'registry.mappingSave': {
      prepare: async (_store, k) =>
        writeFileSync(join(dir, `mapping-${k}.json`), JSON.stringify(mapping(`m-${k}`))),
      cli: (k) => ['mapping', 'save', join(dir, `mapping-${k}.json`)],
      api: (k) => ({
        method: 'POST',
        url: '/api/mappings',
        payload: mapping(`m-${k}`) as unknown as Record<string, unknown>,
      }),
    },
    'registry.importForm': {
      prepare: async (_store, k) => {
        // The repeat group's CSV is named after the group, as ODK Central names it.
        mkdirSync(join(dir, k));
        writeFileSync(join(dir, k, 'household.csv'), main(k));
        writeFileSync(join(dir, k, 'members.csv'), members(k));
      },
      cli: (k) => [
        'import',
        'kobo',
        join(dir, k, 'household.csv'),
        '--repeat',
        join(dir, k, 'members.csv'),
        '--mapping',
        'fixture-odk',
      ],
      api: (k) => ({
        method: 'POST',
        url: '/api/import/form',
        payload: {
          mapping: 'fixture-odk',
          files: [
            { name: `household-${k}.csv`, content: Buffer.from(main(k)).toString('base64') },
            { name: 'members.csv', content: Buffer.from(members(k)).toString('base64') },
          ],
        },
      }),
    },
  },
};
