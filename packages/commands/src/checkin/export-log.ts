/** `checkin.exportLog`: a station's records as a log another station can merge. */
import { CheckinLogSchema, errors, StationIdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { buildLog } from './log.js';

/** The records of one station, of this database's own (`scope: own`), or of all stations held. */
export const exportCheckinLog = defineCommand({
  name: 'checkin.exportLog',
  summary: 'The check-in records of one station (or all) as a log to merge elsewhere',
  input: z.object({
    station: StationIdSchema.optional(),
    scope: z
      .enum(['all', 'own'])
      .optional()
      .describe('without a station: every station’s records (all, the default) or this one’s'),
  }),
  output: CheckinLogSchema,
  permission: 'movement.exportCheckin',
  audit: null,
  async run({ store, now }, { station, scope }) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const chosen = station ?? (scope === 'own' ? await store.checkin.station() : undefined);
    const events = await store.checkin.events(chosen ? { station: chosen } : {});
    return buildLog(op.id, chosen ?? null, events, now);
  },
});
