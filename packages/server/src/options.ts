/** The server's settings and their defaults, in one place. */
import { hostname } from 'node:os';

/** What `buildApp` may be told; every field has a default in `defaultServerOptions`. */
export interface ServerOptions {
  /** A session ends after this long without a request (default 12 h). */
  sessionIdleMs?: number;
  /** Largest request body in bytes; larger ones get 413 (default 1 MiB). */
  bodyLimit?: number;
  /** Login attempts per minute from one IP address (default 20). */
  loginPerIpPerMinute?: number;
  /** Login attempts per minute for one username from one address, right or wrong (default 10). */
  loginPerUserPerMinute?: number;
  /**
   * Failed logins of one username from one address that lock that pair for the rest of
   * `lockoutMs` (default 5); the user at another address is not locked out.
   */
  maxFailedLogins?: number;
  /** Failed logins from one address, any username, that lock the address (default 50). */
  maxFailedLoginsPerIp?: number;
  /**
   * Failed logins of one username from any address after which it logs in only from an address
   * it logged in from before (default 20): slows guessing spread over many addresses.
   */
  maxFailedLoginsPerAccount?: number;
  /** The window in which failed logins are counted, and so the longest lockout (default 15 min). */
  lockoutMs?: number;
  /** Requests per minute from one IP address, any route (default 3000). */
  requestsPerMinutePerIp?: number;
  /** Requests per minute with one session token (default 600). */
  requestsPerMinutePerToken?: number;
  /** Trust X-Forwarded-For from a reverse proxy to find the client's address (default false). */
  trustProxy?: boolean;
  /** Mark the session cookie Secure: always, never, or when the request came over HTTPS (default). */
  secureCookie?: boolean | 'auto';
  /** A folder with the built web application to serve at `/` (default: none, a placeholder page). */
  webRoot?: string | null;
  /** Where access and error log lines go (JSON, never personal data); null for none. */
  log?: ((line: string) => void) | null;
  /** The clock; tests move it to expire sessions and windows. */
  clock?: () => Date;
  /** The Content-Security-Policy header sent with every response. */
  contentSecurityPolicy?: string;
  /** This process's name in job records (default host:pid). */
  jobWorker?: string;
  /** How often a running job records liveness and progress, and reads cancel requests (default 1 s). */
  jobHeartbeatMs?: number;
  /** A running job without a heartbeat for this long lost its process and is retried (default 30 s). */
  jobStaleMs?: number;
  /** Runs per job at most: a crash during the first leads to one retry (default 2). */
  jobMaxAttempts?: number;
  /** Run jobs on this process; false leaves them to other servers on the same PostgreSQL (default true). */
  runJobs?: boolean;
  /** How often this process sends due webhook deliveries, in ms (0: never; another process does). */
  webhookPollMs?: number;
  /** How long one webhook delivery may take before it counts as failed, in ms. */
  webhookTimeoutMs?: number;
  /** How often the server queues the retention job by itself, in ms (default a day; 0: never). */
  retentionEveryMs?: number;
  /**
   * How often the server looks for messages left queued (or claimed by a process that stopped)
   * for longer than the delivery lease, and queues a delivery job for them, in ms (0: never).
   */
  messageSweepMs?: number;
}

const minute = 60_000;

/** Defaults of every server option. */
export const defaultServerOptions: Required<ServerOptions> = {
  sessionIdleMs: 12 * 60 * minute,
  bodyLimit: 1024 * 1024,
  loginPerIpPerMinute: 20,
  loginPerUserPerMinute: 10,
  maxFailedLogins: 5,
  maxFailedLoginsPerIp: 50,
  maxFailedLoginsPerAccount: 20,
  lockoutMs: 15 * minute,
  requestsPerMinutePerIp: 3000,
  requestsPerMinutePerToken: 600,
  trustProxy: false,
  secureCookie: 'auto',
  webRoot: null,
  log: null,
  clock: () => new Date(),
  contentSecurityPolicy: [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
  jobWorker: `${hostname()}:${process.pid}`,
  jobHeartbeatMs: 1000,
  jobStaleMs: 30_000,
  jobMaxAttempts: 2,
  runJobs: true,
  webhookPollMs: 1000,
  webhookTimeoutMs: 10_000,
  retentionEveryMs: 24 * 60 * minute,
  messageSweepMs: minute,
};

/** The options with every default filled in. */
export function resolveOptions(options: ServerOptions = {}): Required<ServerOptions> {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...defaultServerOptions, ...given };
}
