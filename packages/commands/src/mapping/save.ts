/** `registry.mappingSave`: saves a form's column mapping for `corridor import kobo`. */
import { FormMappingSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Saves (or replaces) a mapping after checking it: every target a Corridor column, none twice. */
export const saveMapping = defineCommand({
  name: 'registry.mappingSave',
  summary: 'Save a KoBo / ODK / Primero form mapping: export columns → Corridor columns',
  input: FormMappingSchema,
  output: z.object({ name: z.string(), created: z.boolean() }),
  permission: 'registry.saveMapping',
  audit: 'registry.mapping-save',
  async run({ store, actor }, mapping) {
    return { name: mapping.name, created: await store.mappings.save(mapping, actor) };
  },
});
