/** `checkin.desk`: what a check-in desk shows for a movement, in one answer. */
import {
  CheckinDeskPersonSchema,
  CheckinSummarySchema,
  errors,
  IdSchema,
  maySee,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { deskRows, summaryOf } from './state.js';

/** The counts and everyone booked, with names for roles that may see them (one request a desk). */
export const checkinDesk = defineCommand({
  name: 'checkin.desk',
  summary: 'Persons booked on a movement with their check-in status, and the counts',
  input: z.object({ movementId: IdSchema }),
  output: z.object({ summary: CheckinSummarySchema, persons: z.array(CheckinDeskPersonSchema) }),
  permission: 'movement.readCheckin',
  audit: null,
  async run({ store, actor }, { movementId }) {
    const movement = await store.movements.get(movementId);
    if (!movement) throw errors.notFound('movement', movementId);
    const rows = await deskRows(store, movementId);
    const names = new Map<string, string>();
    // Names are decrypted only for roles that see them (the output's redaction hides them too).
    if (maySee(actor.role, 'name')) {
      const snapshot = await store.registry.snapshot([...new Set(rows.map((r) => r.householdId))]);
      for (const p of snapshot.persons)
        if (p.pii) names.set(p.id, `${p.pii.givenName} ${p.pii.familyName}`.trim());
    }
    return {
      summary: summaryOf(movementId, movement.seats, rows),
      persons: rows.map((r) => ({ ...r, name: names.get(r.personId) ?? null })),
    };
  },
});
