/** Progress on long work: a bar on an interactive terminal, nothing in scripts or with --json. */
import type { PlanningControl } from '@corridor/commands';
import cliProgress from 'cli-progress';

/** A running progress display. */
export interface Progress {
  update(done: number, label?: string): void;
  stop(): void;
}

/** Starts a progress bar of `total` steps on stderr when it is a terminal and JSON is not asked. */
export function startProgress(title: string, total: number, quiet: boolean): Progress {
  if (quiet || !process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} [{bar}] {percentage}% {label}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return { update: (done, label = '') => bar.update(done, { label }), stop: () => bar.stop() };
}

/** A planning run's progress (phase, fraction, message) shown on a bar of 100 steps. */
export function progressControl(progress: Progress): PlanningControl {
  return {
    progress: (p) => progress.update(Math.min(99, Math.round(p.fraction * 100)), p.message),
  };
}
