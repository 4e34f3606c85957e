/** `pledge.remove`: a pledge withdrawn by its host state (issue 22). */
import { errors, IdSchema, IsoDateSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { NegotiationOut, NegotiationReason } from './schemas.js';

/** Removes the destination's pledge that starts on `periodStart`; the history keeps what it was. */
export const removePledge = defineCommand({
  name: 'pledge.remove',
  summary: 'Remove a pledge (named by its destination and first day); the history keeps it',
  input: z.object({
    destinationId: IdSchema,
    periodStart: IsoDateSchema,
    reason: NegotiationReason,
  }),
  output: NegotiationOut,
  permission: 'registry.negotiate',
  audit: 'pledge.remove',
  async run({ store, actor }, { destinationId, periodStart, reason }) {
    const change = await store.pledges.removePledge(destinationId, periodStart, reason, actor);
    if (!change) throw errors.notFound('pledge', `${destinationId} from ${periodStart}`);
    return { changed: true, change };
  },
});
