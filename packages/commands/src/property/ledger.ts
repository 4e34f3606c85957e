/** `property.ledger`: the whole ledger. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { LedgerOut } from './schemas.js';

/** Assets, offers, restrictions and sales, ordered by id (money in minor units). */
export const propertyLedger = defineCommand({
  name: 'property.ledger',
  summary: 'The property ledger: assets, offers, restrictions and sales (money in minor units)',
  input: z.object({}),
  output: LedgerOut,
  permission: 'property.read',
  audit: null,
  run: ({ store }) => store.property.ledger(),
});
