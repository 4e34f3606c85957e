/** `corridor serve`: the REST API (and, with --web, the web application) over this data. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errors } from '@corridor/core';
import { noteServing, openStore, resolveConfig } from '@corridor/storage';
import type { Command } from 'commander';
import { globals } from '../context.js';

function number(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw errors.invalidInput(`${flag} must be a number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** The built web application next to this package (packages/web/dist), if it was built. */
function builtWebApp(): string | null {
  const dir = fileURLToPath(new URL('../../../web/dist', import.meta.url));
  return existsSync(`${dir}/index.html`) ? dir : null;
}

/** Registers `corridor serve`. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the REST API (docs at /docs, OpenAPI at /openapi.json) until stopped')
    .option('--port <n>', 'port to listen on (0: any free port)', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--web <dir>',
      'folder of the built web application to serve at / (default: packages/web/dist when built)',
    )
    .option('--session-idle-hours <h>', 'a session ends after this long unused', '12')
    .option(
      '--trust-proxy',
      'behind a reverse proxy: take the client address from X-Forwarded-For and HTTPS from X-Forwarded-Proto',
    )
    .option(
      '--secure-cookies',
      'served over HTTPS (by a proxy not trusted for X-Forwarded-Proto): always send HSTS and the __Host- Secure session cookie',
    )
    .option('--quiet', 'no access log on stdout')
    .option(
      '--job-stale-seconds <s>',
      'a running job whose server sends no heartbeat for this long is retried elsewhere',
      '30',
    )
    .action(
      async (
        opts: {
          port: string;
          host: string;
          web?: string;
          sessionIdleHours: string;
          trustProxy?: boolean;
          secureCookies?: boolean;
          quiet?: boolean;
          jobStaleSeconds: string;
        },
        command: Command,
      ) => {
        const port = number('--port', opts.port, 0, 65_535);
        const idleHours = number('--session-idle-hours', opts.sessionIdleHours, 0.01, 24 * 30);
        const staleSeconds = number('--job-stale-seconds', opts.jobStaleSeconds, 2, 86_400);
        // The embedded database works in a thread of its own beside the HTTP work, with a cache of
        // reads (CORRIDOR_PGLITE_THREAD=0 keeps it as one-shot commands have it: benchmarks compare).
        const config = { ...resolveConfig({ data: globals(command).data }), databaseThread: true };
        const store = await openStore(config);
        let unnote = () => {};
        try {
          // Loaded here, not at the top: every other subcommand starts without the web server.
          const { startServer } = await import('@corridor/server');
          const server = await startServer(
            store,
            { host: opts.host, port: Math.trunc(port) },
            {
              sessionIdleMs: Math.round(idleHours * 3_600_000),
              webRoot: opts.web ?? builtWebApp(),
              trustProxy: Boolean(opts.trustProxy),
              ...(opts.secureCookies ? { secureCookie: true } : {}),
              jobStaleMs: Math.round(staleSeconds * 1000),
              log: opts.quiet ? null : (line) => process.stdout.write(`${line}\n`),
            },
          );
          // An embedded folder is this process's alone: a CLI command on it is told to ask here.
          if (!config.databaseUrl) unnote = noteServing(config.dataDir, server.url);
          process.stderr.write(
            `corridor: serving ${server.url} (API docs at ${server.url}/docs)\n`,
          );
          await new Promise<void>((resolve) => {
            process.once('SIGINT', () => resolve());
            process.once('SIGTERM', () => resolve());
          });
          await server.close();
        } finally {
          unnote();
          await store.close();
        }
      },
    );
}
