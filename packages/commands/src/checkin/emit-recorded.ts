/** Tells subscribers of a check-in record (`checkin.recorded`): who, where, which status; no note. */
import type { CheckinEvent } from '@corridor/core';
import { emit, type EmitContext } from '../webhook/emit.js';

/** How the record came: a desk, a decision on a conflict, or another station's merged log. */
export type CheckinSource = 'desk' | 'decision' | 'merge';

/** Emits `checkin.recorded` for one record of a person of case `caseId`, in the caller's transaction. */
export function emitCheckinRecorded(
  ctx: EmitContext,
  event: CheckinEvent,
  caseId: string,
  source: CheckinSource,
): Promise<number> {
  return emit(ctx, 'checkin.recorded', {
    movementId: event.movementId,
    personId: event.personId,
    caseId,
    status: event.status,
    station: event.station,
    seq: event.seq,
    at: event.at,
    source,
  });
}
