/** The optimiser's work as a message a worker thread can run: a solve or a re-plan. */
import type { Instance, ReplanEvent, SolveProgress, TimetableInput } from '@corridor/optimizer';

/** One solve of the engine; locks as [item, bin] pairs so the task can be copied to a thread. */
export interface SolveTask {
  kind: 'solve';
  instance: Instance;
  options: {
    timeLimitMs: number;
    seed?: number;
    locks?: [number, number][];
    warmStart?: number[] | null;
  };
}

/** One re-plan of a timetable after disruption events. */
export interface ReplanTask {
  kind: 'replan';
  input: TimetableInput;
  previous: (string | null)[];
  events: ReplanEvent[];
  options: { changePenalty: number; timeLimitMs: number };
}

/** What a worker runs. */
export type OptimizerTask = SolveTask | ReplanTask;

/** What a worker sends back. */
export type WorkerMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; message: string };
