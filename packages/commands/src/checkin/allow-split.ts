/** `checkin.allowSplit`: a protection officer lets a household travel apart on one movement. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ReasonInput } from '../person/schemas.js';
import { membersApart, splitAllowed } from './split.js';

/**
 * Records, in the case's history with the reason sealed, that the household may board apart on this
 * movement (a member in hospital, say); boarding then no longer waits for the others.
 */
export const allowSplit = defineCommand({
  name: 'checkin.allowSplit',
  summary:
    'Let a household travel apart on one movement (a protection officer’s decision, with a reason)',
  input: z.object({
    movementId: IdSchema,
    caseId: IdSchema,
    reason: ReasonInput.describe('why (sealed in the case history)'),
  }),
  output: z.object({
    movementId: z.string(),
    case: z.string(),
    at: z.string(),
    apart: z
      .array(z.object({ personId: z.string(), status: z.string() }))
      .describe('members not at the desk when it was allowed'),
  }),
  permission: 'movement.allowSplit',
  audit: 'checkin.allow-split',
  async run({ store, actor }, { movementId, caseId, reason }) {
    if (!(await store.movements.get(movementId))) throw errors.notFound('movement', movementId);
    if (!(await store.checkin.bookedHouseholds(movementId)).includes(caseId))
      throw errors.invalidInput(`caseId: case ${caseId} is not booked on movement ${movementId}`);
    const apart = await membersApart(store, movementId, caseId, '');
    const { at } = await store.registry.noteCase(
      caseId,
      splitAllowed(movementId),
      reason,
      actor,
      'checkin.allow-split',
    );
    return { movementId, case: caseId, at, apart };
  },
});
