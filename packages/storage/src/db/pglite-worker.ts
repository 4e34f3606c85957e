/**
 * The embedded database in a thread of its own (see `pglite-thread.ts`): it opens PGlite on the
 * folder it is given and answers one query at a time. Written for Node's type stripping as well as
 * tsc (no enums, no parameter properties), so the tests can start it from the sources.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** A request from the main thread. */
type Request =
  | { id: number; kind: 'query'; sql: string; params: unknown[]; blob?: Uint8Array }
  | { id: number; kind: 'close' };

const port = parentPort!;
const { pgdata, dateOid } = workerData as { pgdata: string; dateOid: number };
const pg = new PGlite(pgdata, { parsers: { [dateOid]: (v: string) => v } });

/** An error as plain fields (a PostgreSQL error's code, detail and position survive the trip). */
function plain(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const out: Record<string, unknown> = { name: error.name, message: error.message };
  for (const [k, v] of Object.entries(error))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  return out;
}

pg.waitReady.then(
  () => port.postMessage({ id: 0, ready: true }),
  (error: unknown) => port.postMessage({ id: 0, error: plain(error) }),
);

port.on('message', (request: Request) => {
  void (async () => {
    try {
      if (request.kind === 'close') {
        if (!pg.closed) await pg.close();
        port.postMessage({ id: request.id, closed: true });
        return;
      }
      const result = await pg.query(
        request.sql,
        request.params,
        request.blob ? { blob: new Blob([request.blob]) } : undefined,
      );
      const { rows, affectedRows } = result;
      const command = (result as { command?: string }).command;
      port.postMessage({ id: request.id, rows, affectedRows, command });
    } catch (error) {
      port.postMessage({ id: request.id, error: plain(error) });
    }
  })();
});
