/** `candidate.remove`: withdraws an offer that no plan has booked. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Removes a candidate still on offer; a booked one is a movement now (cancel that instead). */
export const removeCandidate = defineCommand({
  name: 'candidate.remove',
  summary: 'Remove a candidate movement no plan has booked',
  input: z.object({ id: IdSchema }),
  output: z.object({ removed: z.string() }),
  permission: 'movement.offer',
  audit: 'candidate.remove',
  async run({ store, actor }, { id }) {
    const c = await store.candidates.get(id);
    if (!c) throw errors.notFound('candidate', id);
    if (c.status === 'booked')
      throw errors.conflict(
        `candidate ${id} is booked as movement ${c.bookedMovementId}: cancel that movement instead`,
      );
    if (!(await store.candidates.remove(id, actor))) throw errors.notFound('candidate', id);
    return { removed: id };
  },
});
