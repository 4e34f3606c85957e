/**
 * Runs the optimiser in a worker thread, so a server keeps answering while a plan is computed and
 * a cancelled run stops at once (the thread is terminated).
 */
import { Worker } from 'node:worker_threads';
import { errors } from '@corridor/core';
import type { ReplanResult, SolveProgress, SolveResult } from '@corridor/optimizer';
import type { OptimizerTask, ReplanTask, SolveTask, WorkerMessage } from './optimizer-task.js';

/** The built worker: next to this module in dist/, or in dist/ when tests run the sources (so tests need `tsc -b` first, as `npm test` does). */
function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/planning/solve-worker.js', import.meta.url)
    : new URL('./solve-worker.js', import.meta.url);
}

function run(
  task: OptimizerTask,
  onProgress: (p: SolveProgress) => void,
  signal?: AbortSignal,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    // No inherited flags: a test runner's `--conditions source` would point the built worker at
    // TypeScript sources it cannot load.
    const worker = new Worker(workerUrl(), { workerData: task, execArgv: [] });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      fn();
    };
    const abort = () => {
      void worker.terminate();
      settle(() => reject(signal?.reason as Error));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.progress);
      else if (m.type === 'done') settle(() => resolve(m.value));
      else settle(() => reject(errors.jobFailed(`the optimiser stopped: ${m.message}`)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(errors.jobFailed(`the optimiser's thread stopped (exit ${code})`))),
    );
  });
}

/** One solve of the engine in a worker thread. */
export async function solveOffThread(
  task: Omit<SolveTask, 'kind'>,
  onProgress: (p: SolveProgress) => void,
  signal?: AbortSignal,
): Promise<SolveResult> {
  return (await run({ kind: 'solve', ...task }, onProgress, signal)) as SolveResult;
}

/** One re-plan in a worker thread. */
export async function replanOffThread(
  task: Omit<ReplanTask, 'kind'>,
  signal?: AbortSignal,
): Promise<ReplanResult | { problems: { event: number; message: string }[] }> {
  return (await run({ kind: 'replan', ...task }, () => undefined, signal)) as
    ReplanResult | { problems: { event: number; message: string }[] };
}
