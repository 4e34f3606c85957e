/**
 * Where per-request limits are counted. With PostgreSQL several server processes share one
 * database, so the counters live there. With PGlite only one process can open the data folder,
 * so counting in its memory enforces the same limits without two writes to the database on
 * every request (the embedded server's largest cost under load).
 */
import type { Hits, SessionStore, Store } from '@corridor/storage';

/** Counts one hit of `kind` by `subject` in a fixed window. */
export type RequestCounter = Pick<SessionStore, 'hit'>;

/** Fixed windows in this process's memory; windows that ended are dropped now and then. */
export class MemoryCounter implements RequestCounter {
  private readonly windows = new Map<string, { start: number; count: number; windowMs: number }>();
  private nextSweep = 0;

  hit(kind: string, subject: string, windowMs: number, now: Date): Promise<Hits> {
    const t = now.getTime();
    if (t >= this.nextSweep) this.sweep(t);
    const key = `${kind}\u0000${subject}`;
    const w = this.windows.get(key);
    if (!w || w.start <= t - windowMs) {
      this.windows.set(key, { start: t, count: 1, windowMs });
      return Promise.resolve({ count: 1, resetAt: new Date(t + windowMs) });
    }
    w.count += 1;
    return Promise.resolve({ count: w.count, resetAt: new Date(w.start + windowMs) });
  }

  /** How many windows are held (tests). */
  get size(): number {
    return this.windows.size;
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (w.start <= t - w.windowMs) this.windows.delete(key);
    this.nextSweep = t + 60_000;
  }
}

const counters = new WeakMap<Store, RequestCounter>();

/** The counter for this store: in memory for PGlite (one process), the database otherwise. */
export function requestCounter(store: Store): RequestCounter {
  let counter = counters.get(store);
  if (!counter) {
    counter = store.kind === 'pglite' ? new MemoryCounter() : store.sessions;
    counters.set(store, counter);
  }
  return counter;
}
