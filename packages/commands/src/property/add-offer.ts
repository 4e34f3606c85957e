/** `property.addOffer`: records a buyer's offer for one asset or a lot. */
import { OfferSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { AddedOut } from './schemas.js';

/** Records an offer; its currency must be the assets' currency. */
export const addOffer = defineCommand({
  name: 'property.addOffer',
  summary: 'Record an offer (its currency must be the assets’ currency)',
  input: OfferSchema,
  output: AddedOut,
  permission: 'property.write',
  audit: 'property.add',
  async run({ store, actor }, offer) {
    await store.property.add({ offers: [offer] }, actor);
    return { added: 1, ids: [offer.id] };
  },
});
