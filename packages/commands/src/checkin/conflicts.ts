/** `checkin.listConflicts`: persons whose status stations disagree on. */
import { CheckinConflictSchema, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { openConflicts } from './state.js';

/** Persons whose check-in status stations disagree on, with each station's latest record. */
export const listCheckinConflicts = defineCommand({
  name: 'checkin.listConflicts',
  summary: 'Persons whose check-in status stations disagree on (never settled by last write)',
  input: z.object({ movementId: IdSchema.optional() }),
  output: z.array(CheckinConflictSchema),
  permission: 'movement.readCheckin',
  audit: null,
  run: ({ store }, { movementId }) => openConflicts(store, movementId),
});
