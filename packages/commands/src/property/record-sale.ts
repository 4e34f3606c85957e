/** `property.recordSale`: records a sale that took place. */
import { SaleSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { AddedOut } from './schemas.js';

/** Records a sale; refused when blocked, after abandonment or beyond the quantity left. */
export const recordSale = defineCommand({
  name: 'property.recordSale',
  summary: 'Record a sale (refused when blocked, after abandonment or beyond the quantity)',
  input: SaleSchema,
  output: AddedOut,
  permission: 'property.write',
  audit: 'property.add',
  async run({ store, actor }, sale) {
    await store.property.add({ sales: [sale] }, actor);
    return { added: 1, ids: [sale.id] };
  },
});
