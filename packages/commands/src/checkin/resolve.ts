/** `checkin.resolve`: people decide what stations disagreed on, with a reason. */
import {
  checkinStatuses,
  CheckinResultSchema,
  errors,
  IdSchema,
  StationIdSchema,
  supersedesFor,
  type CheckinState,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { emitCheckinRecorded } from './emit-recorded.js';
import { moveHouseholds } from './household-moves.js';
import { personState } from './state.js';

/** Decides a conflict with a new record that supersedes the disagreeing ones (kept, not erased). */
export const resolveCheckin = defineCommand({
  name: 'checkin.resolve',
  summary: 'Decide a conflict: a new record that supersedes the disagreeing ones',
  input: z.object({
    movementId: IdSchema,
    personId: IdSchema,
    status: z.enum(checkinStatuses),
    note: z.string().trim().min(3).max(500).describe('why (kept with the decision)'),
    station: StationIdSchema.optional().describe(
      "the desk's station id (default: the database's own)",
    ),
  }),
  output: CheckinResultSchema,
  permission: 'movement.checkin',
  audit: 'checkin.resolve',
  async run({ store, actor, now }, input) {
    const before = await personState(store, input.movementId, input.personId);
    if (!before || before.status !== null)
      throw errors.conflict(
        `stations do not disagree about person ${input.personId} on movement ${input.movementId}`,
      );
    const event = await store.checkin.append(
      {
        movementId: input.movementId,
        personId: input.personId,
        status: input.status,
        ...(input.station ? { station: input.station } : {}),
        note: input.note,
        supersedes: supersedesFor(before),
      },
      actor,
    );
    const person = (await store.checkin.persons([input.personId])).get(input.personId);
    if (person) await emitCheckinRecorded({ store, now }, event, person.householdId, 'decision');
    const householdMoves = person
      ? await moveHouseholds(
          { store, now },
          input.movementId,
          [person.householdId],
          actor,
          `check-in conflict decided on movement ${input.movementId}`,
        )
      : [];
    const state = (await personState(store, input.movementId, input.personId)) as CheckinState;
    return { event, status: state.status, state, householdMoves };
  },
});
