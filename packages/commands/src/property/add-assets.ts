/** `property.addAssets`: adds assets to the ledger, all or nothing. */
import { AssetSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { AddedOut } from './schemas.js';

/** Adds collective or household assets with their appraisal. */
export const addAssets = defineCommand({
  name: 'property.addAssets',
  summary: 'Add assets to the ledger (all or nothing)',
  input: z.object({ assets: z.array(AssetSchema).min(1).max(10_000) }),
  output: AddedOut,
  permission: 'property.write',
  audit: 'property.add',
  async run({ store, actor }, { assets }) {
    await store.property.add({ assets }, actor);
    return { added: assets.length, ids: assets.map((a) => a.id) };
  },
});
