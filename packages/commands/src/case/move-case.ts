/**
 * Moves a case along the workflow and tells subscribers: `case.status-changed` on every move, and
 * `arrival.confirmed` when the case reaches `arrived`. Every command that moves a case goes here.
 */
import type { CaseStatus } from '@corridor/core';
import type { Actor, HistoryEntry, TransitionCheck } from '@corridor/storage';
import { emit, type EmitContext } from '../webhook/emit.js';

/** What moves a case: the target, the reason (kept in its history, never sent), the check. */
export interface CaseMove {
  id: string;
  to: CaseStatus;
  reason: string;
  check: TransitionCheck;
  /** The movement whose check-in moved the case, if any. */
  movementId?: string;
}

/** Writes the transition (history and audit) and emits its events in the caller's transaction. */
export async function moveCase(
  ctx: EmitContext,
  actor: Actor,
  move: CaseMove,
): Promise<HistoryEntry> {
  const { store } = ctx;
  const entry = await store.registry.transitionCase(
    move.id,
    move.to,
    move.reason,
    actor,
    move.check,
  );
  const movementId = move.movementId ?? null;
  await emit(ctx, 'case.status-changed', {
    caseId: move.id,
    from: entry.from,
    to: entry.to,
    at: entry.at,
    movementId,
  });
  if (entry.to === 'arrived')
    await emit(ctx, 'arrival.confirmed', {
      caseId: move.id,
      movementId,
      persons: (await store.checkin.members([move.id])).length,
      at: entry.at,
    });
  return entry;
}
