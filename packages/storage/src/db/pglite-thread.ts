/**
 * PGlite in a worker thread, for the embedded server: PostgreSQL compiled to WebAssembly is half
 * of an embedded server's CPU under load (a profile at 150 requests/s: 48% in PGlite's WASM and
 * its protocol code), and on the main thread it queues every request behind every query. In a
 * thread of its own it runs beside the HTTP work on a second core. The thread answers one query at
 * a time, as PGlite does; rows come back by structured clone (dates, bytes and big integers
 * intact), errors with their message and PostgreSQL fields.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** What the dialect needs of a PGlite: the same shape in this thread or in the worker. */
export interface PgliteLike {
  readonly waitReady: Promise<void>;
  readonly closed: boolean;
  query<R>(
    sql: string,
    params?: unknown[],
    options?: { blob?: Blob },
  ): Promise<{ rows: R[]; affectedRows?: number; command?: string }>;
  close(): Promise<void>;
}

type Reply = {
  id: number;
  ready?: boolean;
  closed?: boolean;
  rows?: unknown[];
  affectedRows?: number;
  command?: string;
  error?: Record<string, unknown>;
};

/** The worker's file: the built JavaScript, or the TypeScript source under the tests. */
function workerFile(): URL {
  const js = new URL('./pglite-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('./pglite-worker.ts', import.meta.url);
}

/**
 * The process's node options for the worker (a loader such as tsx under the tests), without those
 * that name the main script's own input (`-e`, `--input-type`), which a worker file refuses.
 */
function loaderArgs(): string[] {
  const out: string[] = [];
  const args = process.execArgv;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (['-e', '--eval', '-p', '--print'].includes(a)) i++;
    else if (!/^(--input-type|--eval=|--print=)/.test(a)) out.push(a);
  }
  return out;
}

/** An Error made from the worker's plain fields. */
function revive(fields: Record<string, unknown>): Error {
  const error = new Error(String(fields.message ?? 'database error'));
  for (const [k, v] of Object.entries(fields)) if (k !== 'message') Reflect.set(error, k, v);
  return error;
}

/** PGlite on `pgdata`, run by a worker thread. */
export class PgliteThread implements PgliteLike {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve(r: Reply): void; reject(e: Error): void }>();
  private nextId = 1;
  private ended = false;
  private failure: Error | undefined;

  constructor(pgdata: string, dateOid: number) {
    this.worker = new Worker(workerFile(), {
      workerData: { pgdata, dateOid },
      execArgv: loaderArgs(),
    });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.pending.set(0, {
        resolve: (reply) => (reply.error ? reject(revive(reply.error)) : resolve()),
        reject,
      });
    });
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiting?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      this.ended = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (!this.ended) fail(new Error(`the database thread stopped (exit code ${code})`));
    });
  }

  get closed(): boolean {
    return this.ended;
  }

  private send(request: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    if (this.ended) return Promise.reject(this.failure ?? new Error('the database is closed'));
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  async query<R>(
    sql: string,
    params: unknown[] = [],
    options?: { blob?: Blob },
  ): Promise<{ rows: R[]; affectedRows?: number; command?: string }> {
    const blob = options?.blob ? new Uint8Array(await options.blob.arrayBuffer()) : undefined;
    const reply = await this.send(
      { kind: 'query', sql, params, ...(blob ? { blob } : {}) },
      blob ? [blob.buffer as ArrayBuffer] : [],
    );
    if (reply.error) throw revive(reply.error);
    return {
      rows: (reply.rows ?? []) as R[],
      ...(reply.affectedRows !== undefined ? { affectedRows: reply.affectedRows } : {}),
      ...(reply.command !== undefined ? { command: reply.command } : {}),
    };
  }

  async close(): Promise<void> {
    if (this.ended) return;
    try {
      await this.send({ kind: 'close' });
    } finally {
      this.ended = true;
      await this.worker.terminate();
    }
  }
}
