/**
 * A load generator at a constant arrival rate (an open model): request i is due at start + i / rate,
 * whatever the answers to the earlier ones, and its latency counts from when it was due, not from
 * when it left, so a slow server cannot hold back the load it is measured by (coordinated
 * omission). autocannon's `overallRate` instead gives each connection a budget per second that it
 * spends back to back at the start of each second: the load arrives as one burst a second.
 */
import http from 'node:http';

/** One request of a mix. */
export type PacedStep = { method: 'GET' | 'POST'; path: string; body?: string };

/** What a run of `paced` measured. */
export type PacedResult = {
  requests: number;
  perSecond: number;
  ok2xx: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  /** The first error's message, if any. */
  firstError?: string;
  timeouts: number;
  /** From when each request was due to its last byte (what a user waits). */
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** From when each request left to its last byte (the server and the network only). */
  serviceMs: { p50: number; p99: number };
  /** How late the generator sent requests, at the 99th percentile (its own lag, ms). */
  sendLagP99Ms: number;
};

const percentile = (sorted: Float64Array, q: number) =>
  sorted.length === 0
    ? 0
    : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;

/**
 * Sends the steps of `mix` in turn at `perSecond` for `seconds` to `url`; request i carries the
 * session `sessions[i % sessions.length]` (its bearer token and forwarded address).
 */
export async function paced(options: {
  url: string;
  sessions: { token: string; address: string }[];
  perSecond: number;
  seconds: number;
  mix: PacedStep[];
  timeoutMs?: number;
}): Promise<PacedResult> {
  const { url, sessions, perSecond, seconds, mix } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(perSecond * seconds);
  const latency = new Float64Array(total);
  const service = new Float64Array(total);
  const lag = new Float64Array(total);
  const statusCodes: Record<string, number> = {};
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  let timeouts = 0;
  let ok2xx = 0;
  let non2xx = 0;
  let sent = 0;
  const start = performance.now() + 20;
  const finished = new Promise<void>((resolve) => {
    const settle = () => {
      if (++done === total) resolve();
    };
    const send = (i: number) => {
      const due = start + (i * 1000) / perSecond;
      const step = mix[i % mix.length]!;
      const session = sessions[i % sessions.length]!;
      const left = performance.now();
      lag[i] = left - due;
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: step.method,
          path: step.path,
          agent,
          timeout: timeoutMs,
          headers: {
            authorization: `Bearer ${session.token}`,
            'x-forwarded-for': session.address,
            ...(step.body
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(step.body),
                }
              : {}),
          },
        },
        (res) => {
          res.on('data', () => {});
          res.on('end', () => {
            const now = performance.now();
            latency[i] = now - due;
            service[i] = now - left;
            const code = res.statusCode ?? 0;
            statusCodes[code] = (statusCodes[code] ?? 0) + 1;
            if (code >= 200 && code < 300) ok2xx++;
            else non2xx++;
            settle();
          });
        },
      );
      req.on('timeout', () => {
        timeouts++;
        req.destroy(new Error('timeout'));
      });
      req.on('error', (e) => {
        errors++;
        firstError ??= e.message;
        latency[i] = performance.now() - due;
        service[i] = latency[i]!;
        settle();
      });
      if (step.body) req.end(step.body);
      else req.end();
    };
    // A tick every millisecond sends every request that has come due.
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / perSecond <= now) send(sent++);
      if (sent < total) setTimeout(tick, 1);
    };
    setTimeout(tick, 20);
  });
  await finished;
  agent.destroy();
  const sorted = (a: Float64Array) => a.slice().sort();
  const l = sorted(latency);
  const s = sorted(service);
  let sum = 0;
  for (const v of latency) sum += v;
  return {
    requests: total,
    perSecond: Math.round(total / seconds),
    ok2xx,
    non2xx,
    statusCodes,
    errors,
    ...(firstError ? { firstError } : {}),
    timeouts,
    latencyMs: {
      p50: percentile(l, 0.5),
      p90: percentile(l, 0.9),
      p99: percentile(l, 0.99),
      max: Math.round(l[l.length - 1]! * 100) / 100,
      mean: Math.round((sum / total) * 100) / 100,
    },
    serviceMs: { p50: percentile(s, 0.5), p99: percentile(s, 0.99) },
    sendLagP99Ms: percentile(sorted(lag), 0.99),
  };
}
