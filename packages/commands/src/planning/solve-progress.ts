/** Turns the engine's progress into a job's progress: a phase, a fraction and a short message. */
import type { SolveProgress } from '@corridor/optimizer';
import type { JobProgress } from '@corridor/storage';

/** The solving phase spans fractions `from` to `to`; iterations and the clock both advance it. */
export function solveProgress(
  p: SolveProgress,
  startedAt: number,
  timeLimitMs: number,
  from = 0.1,
  to = 0.9,
): JobProgress {
  const byIterations = p.iteration / 3000;
  const byClock = (Date.now() - startedAt) / Math.max(1, timeLimitMs);
  const share = Math.min(1, Math.max(byIterations, byClock));
  return {
    phase: 'solving',
    fraction: Math.round((from + (to - from) * share) * 1000) / 1000,
    message: Number.isFinite(p.gap) ? `${p.phase}; gap ${(p.gap * 100).toFixed(2)}%` : p.phase,
  };
}
