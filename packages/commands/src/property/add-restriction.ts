/** `property.addRestriction`: records a restriction an authority imposed on sales. */
import { RestrictionSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { AddedOut } from './schemas.js';

/** Records a permitted fraction, a price cap or a block on selling assets. */
export const addRestriction = defineCommand({
  name: 'property.addRestriction',
  summary: 'Record a restriction: permitted fraction, price cap, or a block',
  input: RestrictionSchema,
  output: AddedOut,
  permission: 'property.write',
  audit: 'property.add',
  async run({ store, actor }, restriction) {
    await store.property.add({ restrictions: [restriction] }, actor);
    return { added: 1, ids: [restriction.id] };
  },
});
