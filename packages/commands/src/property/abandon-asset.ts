/** `property.abandonAsset`: what is left of an asset was left behind on a day. */
import { AbandonmentSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { LedgerAssetOut } from './schemas.js';

/** Marks what is left of an asset as abandoned; answers the asset as the ledger now holds it. */
export const abandonAsset = defineCommand({
  name: 'property.abandonAsset',
  summary: 'Mark what is left of an asset as abandoned on a day',
  input: AbandonmentSchema,
  output: LedgerAssetOut,
  permission: 'property.write',
  audit: 'property.abandon',
  run: ({ store, actor }, abandonment) => store.property.abandon(abandonment, actor),
});
