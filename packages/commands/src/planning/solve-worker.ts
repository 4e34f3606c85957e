/** Worker-thread entry: runs one optimiser task off the server's event loop and posts progress. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHighs, replan, solve } from '@corridor/optimizer';
import type { OptimizerTask, WorkerMessage } from './optimizer-task.js';

const post = (m: WorkerMessage) => parentPort?.postMessage(m);

async function run(task: OptimizerTask): Promise<unknown> {
  const highs = await loadHighs();
  if (task.kind === 'replan')
    return replan(task.input, task.previous, task.events, { ...task.options, highs });
  let last = 0;
  return solve(task.instance, {
    timeLimitMs: task.options.timeLimitMs,
    ...(task.options.seed !== undefined ? { seed: task.options.seed } : {}),
    locks: new Map(task.options.locks ?? []),
    warmStart: task.options.warmStart ?? null,
    highs,
    progress: (p) => {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      post({ type: 'progress', progress: p });
    },
  });
}

run(workerData as OptimizerTask).then(
  (value) => post({ type: 'done', value }),
  (error: unknown) =>
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
);
