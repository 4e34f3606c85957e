/**
 * Request limits on counters every server process shares (the database with PostgreSQL; an
 * embedded server, the only process on its data folder, counts per-request hits in memory).
 */
import { errors, type CorridorError } from '@corridor/core';
import type { RequestCounter } from './request-counter.js';

/** Seconds until a window ends, at least one. */
export function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/** Counts one request of `kind` by `subject`; throws 429 once more than `max` fall in the window. */
export async function enforceLimit(
  counter: RequestCounter,
  limit: { kind: string; subject: string; max: number; windowMs: number },
  now: Date,
  refuse: (retryAfterSeconds: number) => CorridorError = errors.tooManyRequests,
): Promise<void> {
  const hits = await counter.hit(limit.kind, limit.subject, limit.windowMs, now);
  if (hits.count > limit.max) throw refuse(secondsUntil(hits.resetAt, now));
}
