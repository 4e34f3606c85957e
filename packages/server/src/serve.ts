/** Runs the server over an open store until it is closed: listen, prune old sessions, stop cleanly. */
import type { Store } from '@corridor/storage';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveOptions, type ServerOptions } from './options.js';
import { startPeriodic } from './periodic.js';

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address it listens on, e.g. http://127.0.0.1:8080. */
  url: string;
  /** Stops accepting requests and waits for those in flight (the store stays open). */
  close(): Promise<void>;
}

/** Starts listening on `host:port` (port 0: any free port). */
export async function startServer(
  store: Store,
  listen: { host: string; port: number },
  options: ServerOptions = {},
): Promise<RunningServer> {
  const o = resolveOptions(options);
  const app = await buildApp(store, o);
  const url = await app.listen({ host: listen.host, port: listen.port });
  const prune = startPeriodic(() => store.sessions.prune(o.sessionIdleMs, o.lockoutMs, o.clock()), {
    everyMs: 10 * 60_000,
    log: o.log,
    failure: { sessions: 'expired sessions not pruned' },
  });
  return {
    app,
    url,
    close: async () => {
      await prune.stop();
      await app.close();
    },
  };
}
