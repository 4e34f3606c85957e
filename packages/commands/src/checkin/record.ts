/** `checkin.record`: a desk records check-in, boarding, no-show or arrival of a person. */
import {
  checkinStatuses,
  CheckinResultSchema,
  errors,
  IdSchema,
  StationIdSchema,
  type CheckinState,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { emitCheckinRecorded } from './emit-recorded.js';
import { moveHouseholds } from './household-moves.js';
import { checkTogether } from './split.js';
import { personState } from './state.js';

/**
 * Appends a record to the station's log and moves the household on; refused while stations
 * disagree about the person (a conflict is decided, never overwritten), when nothing changes, or
 * when boarding would split a household (`split.ts`).
 * Subscribers hear `checkin.recorded`, and `case.status-changed` when the household moves on.
 */
export const recordCheckin = defineCommand({
  name: 'checkin.record',
  summary: 'Record check-in, boarding, no-show or arrival of a person on a movement',
  input: z.object({
    movementId: IdSchema,
    personId: IdSchema,
    status: z.enum(checkinStatuses),
    station: StationIdSchema.optional().describe(
      "the desk's station id (default: the database's own)",
    ),
    note: z.string().trim().max(500).optional(),
  }),
  output: CheckinResultSchema,
  permission: 'movement.checkin',
  audit: 'checkin.record',
  async run({ store, actor, now }, input) {
    const movement = await store.movements.get(input.movementId);
    if (!movement) throw errors.notFound('movement', input.movementId);
    if (movement.status === 'cancelled')
      throw errors.conflict(`movement ${input.movementId} is cancelled`);
    const person = (await store.checkin.persons([input.personId])).get(input.personId);
    if (!person) throw errors.notFound('person', input.personId);
    if (person.mergedInto)
      throw errors.conflict(`person ${input.personId} was merged into ${person.mergedInto}`);
    if (!(await store.checkin.bookedHouseholds(input.movementId)).includes(person.householdId))
      throw errors.notOnMovement(input.personId, input.movementId);
    // Two desks on one database take turns per household: the second sees the first's record
    // (and is told the person is already checked in) instead of both moving the household.
    await store.checkin.lockHouseholds([person.householdId]);
    const before = await personState(store, input.movementId, input.personId);
    if (before && before.status === null)
      throw errors.checkinConflict(input.personId, input.movementId);
    if (before?.status === input.status)
      throw errors.invalidTransition(
        `person ${input.personId} is already ${input.status} on movement ${input.movementId}`,
      );
    if (input.status === 'boarded')
      await checkTogether(store, input.movementId, person.householdId, input.personId);
    const event = await store.checkin.append(
      {
        movementId: input.movementId,
        personId: input.personId,
        status: input.status,
        ...(input.station ? { station: input.station } : {}),
        note: input.note || null,
        supersedes: null,
      },
      actor,
    );
    await emitCheckinRecorded({ store, now }, event, person.householdId, 'desk');
    const householdMoves = await moveHouseholds(
      { store, now },
      input.movementId,
      [person.householdId],
      actor,
      `check-in on movement ${input.movementId} (station ${event.station})`,
    );
    const state = (await personState(store, input.movementId, input.personId)) as CheckinState;
    return { event, status: state.status, state, householdMoves };
  },
});
