/** `checkin.summary`: a movement's counts on the day and the seats no-shows free. */
import { CheckinSummarySchema, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { movementSummary } from './state.js';

/** Counts of a movement on the day; no-shows free their seats for re-planning. */
export const checkinSummary = defineCommand({
  name: 'checkin.summary',
  summary: 'Counts of a movement on the day; no-shows (listed) free their seats for re-planning',
  input: z.object({ movementId: IdSchema }),
  output: CheckinSummarySchema,
  permission: 'movement.readCheckin',
  audit: null,
  run: ({ store }, { movementId }) => movementSummary(store, movementId),
});
