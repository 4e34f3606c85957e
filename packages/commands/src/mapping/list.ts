/** `registry.mappingList` and `registry.mappingShow`: the saved form mappings. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { StoredMappingOut } from './schemas.js';

/** Lists every saved mapping. */
export const listMappings = defineCommand({
  name: 'registry.mappingList',
  summary: 'List the saved KoBo / ODK / Primero form mappings',
  input: z.object({}),
  output: z.object({ mappings: z.array(StoredMappingOut) }),
  permission: 'registry.readMappings',
  audit: null,
  run: async ({ store }) => ({ mappings: await store.mappings.list() }),
});

/** Shows one saved mapping. */
export const showMapping = defineCommand({
  name: 'registry.mappingShow',
  summary: 'Show a saved form mapping',
  input: z.object({ name: z.string().min(1).max(80) }),
  output: StoredMappingOut,
  permission: 'registry.readMappings',
  audit: null,
  async run({ store }, { name }) {
    const found = await store.mappings.get(name);
    if (!found) throw errors.notFound('mapping', name);
    return found;
  },
});
