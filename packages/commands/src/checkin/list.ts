/** `checkin.list`: everyone booked on a movement with their check-in status. */
import { CheckinRowSchema, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { deskRows } from './state.js';

/** Everyone booked on a movement with their status, households together, head first. */
export const listCheckin = defineCommand({
  name: 'checkin.list',
  summary: 'Everyone booked on a movement with their check-in status, households together',
  input: z.object({ movementId: IdSchema }),
  output: z.array(CheckinRowSchema),
  permission: 'movement.readCheckin',
  audit: null,
  run: ({ store }, { movementId }) => deskRows(store, movementId),
});
