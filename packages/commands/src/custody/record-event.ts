/** `custody.recordEvent`: appends a custody event to an item's chain, in the state machine's order. */
import {
  custodyBatchProblems,
  CustodyEventBodySchema,
  CustodyEventInputSchema,
  errors,
  IdSchema,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { parseInput } from '../execute.js';
import { CustodyEventOut } from './schemas.js';

/**
 * Appends one event: it must follow the item's last event in the custody state machine
 * (docs/property.md) and not come before it in time; the chain links it by hash.
 */
export const recordCustodyEvent = defineCommand({
  name: 'custody.recordEvent',
  summary: 'Append a custody event (packed, handed-over, confiscated, returned, lost, arrived)',
  input: z.object({ itemId: IdSchema, ...CustodyEventBodySchema.shape }),
  output: CustodyEventOut,
  permission: 'custody.write',
  audit: 'custody.events',
  async run({ store, actor }, input) {
    // The parties a kind needs (to whom, by whom) are checked with the event's own schema.
    const event = parseInput(CustodyEventInputSchema, input, 'custody.recordEvent');
    const problems = custodyBatchProblems(await store.custody.heads([event.itemId]), [event]);
    if (problems.length > 0)
      throw errors.invalidInput(`no custody event written: ${problems.join('; ')}`, problems);
    const [written] = await store.custody.addEvents([event], actor);
    return written!;
  },
});
