/**
 * Work a server process does by itself on a timer (the retention schedule, the message sweep, the
 * webhook worker): passes never overlap, a failed pass is logged and the next one still runs, the
 * timer never keeps the process alive, and `stop` waits for a pass under way.
 */
import { describeError, writeLog, type LogSink } from './log.js';

export interface Periodic {
  stop(): Promise<void>;
}

export interface PeriodicOptions {
  /** Milliseconds between passes; 0 or less starts nothing. */
  everyMs: number;
  /** Run one pass at once as well as on the timer. */
  now?: boolean;
  log: LogSink;
  /** The log line's field and value naming what failed, e.g. `{ webhooks: 'delivery pass failed' }`. */
  failure: Record<string, string>;
}

/** Starts `pass` every `everyMs`; see the module comment for what it promises. */
export function startPeriodic(pass: () => Promise<unknown>, o: PeriodicOptions): Periodic {
  if (o.everyMs <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = running.then(async () => {
      if (stopped) return;
      await pass().catch((error: unknown) =>
        writeLog(o.log, { level: 'error', ...o.failure, error: describeError(error) }),
      );
    });
  };
  if (o.now) tick();
  const timer = setInterval(tick, o.everyMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
