/** The Fastify application: hooks for headers, limits and logs; the error catalogue; every route. */
import { readFileSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import { errors, negotiateLocale, type CorridorError } from '@corridor/core';
import type { Store } from '@corridor/storage';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { guardRoutes } from './access-guard.js';
import { prepareDummyHash } from './auth/passwords.js';
import { overHttps } from './auth/session-cookie.js';
import { enforceLimit } from './auth/rate-limit.js';
import { requestCounter } from './auth/request-counter.js';
import { errorBody, retryAfter, toCorridorError } from './error-reply.js';
import { securityHeaders } from './headers.js';
import type { JobRunner } from './jobs/job-runner.js';
import { startJobRunner } from './jobs/start-runner.js';
import { startWebhookWorker } from './webhook-worker.js';
import { startMessageSweep } from './jobs/message-sweep.js';
import { startRetentionSchedule } from './jobs/retention-schedule.js';
import { describeError, describeRequest, writeLog } from './log.js';
import { registerDocs } from './openapi/register.js';
import { resolveOptions, type ServerOptions } from './options.js';
import { runRoute } from './pipeline.js';
import type { ApiRoute } from './route.js';
import { apiRoutes } from './routes/index.js';
import { registerStatic } from './static.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The job queue of this server. */
    jobs: JobRunner;
  }
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Sends a catalogued error, its message in the language the client's Accept-Language asks for. */
function sendError(reply: FastifyReply, e: CorridorError): FastifyReply {
  const retry = retryAfter(e);
  if (retry !== undefined) reply.header('retry-after', String(retry));
  const locale = negotiateLocale(reply.request.headers['accept-language']);
  return reply
    .status(e.status)
    .header('content-language', locale)
    .type('application/json; charset=utf-8')
    .send(errorBody(e, locale));
}

/** Builds the app over an open store; `routes` defaults to every API route. */
export async function buildApp(
  store: Store,
  options: ServerOptions = {},
  routes: readonly ApiRoute[] = apiRoutes,
): Promise<FastifyInstance> {
  const o = resolveOptions(options);
  const app = Fastify({
    logger: false,
    bodyLimit: o.bodyLimit,
    trustProxy: o.trustProxy,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    // Errors the router meets before any hook (bad percent-encoding, overlong path parts).
    frameworkErrors: (error, request, reply) => {
      reply.headers(securityHeaders(request.url ?? '/', o.contentSecurityPolicy));
      sendError(reply, toCorridorError(error, { bodyLimit: o.bodyLimit }));
    },
  });
  guardRoutes(app);
  // Only JSON bodies: a cross-site form cannot post text/plain to a cookie-authenticated route.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCookie);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(securityHeaders(request.url, o.contentSecurityPolicy));
    if (overHttps(request, o))
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.split('?')[0] === '/healthz') return;
    const limit = { kind: 'api-ip', subject: request.ip, max: o.requestsPerMinutePerIp };
    await enforceLimit(requestCounter(store), { ...limit, windowMs: 60_000 }, o.clock());
  });
  app.addHook('onResponse', async (request, reply) => {
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    writeLog(o.log, { level: 'info', ...describeRequest(request), status: reply.statusCode, ms });
  });
  app.setErrorHandler((error, request, reply) => {
    const e = toCorridorError(error, {
      bodyLimit: o.bodyLimit,
      contentType: request.headers['content-type'],
    });
    if (e.status >= 500)
      writeLog(o.log, { level: 'error', ...describeRequest(request), error: describeError(error) });
    return sendError(reply, e);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, errors.routeNotFound(request.method, request.url.split('?')[0] ?? '/')),
  );

  const jobs = await startJobRunner(store, {
    worker: o.jobWorker,
    heartbeatMs: o.jobHeartbeatMs,
    staleMs: o.jobStaleMs,
    maxAttempts: o.jobMaxAttempts,
    work: o.runJobs,
    clock: o.clock,
    onUnexpected: (kind, error) =>
      writeLog(o.log, { level: 'error', job: kind, error: describeError(error) }),
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());
  const webhooks = startWebhookWorker(store, o);
  app.addHook('onClose', () => webhooks.stop());
  const retention = startRetentionSchedule(store, jobs, o);
  app.addHook('onClose', () => retention.stop());
  const messageSweep = startMessageSweep(store, jobs, o);
  app.addHook('onClose', () => messageSweep.stop());
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.path,
      config: { pipeline: true },
      ...(route.spec.bodyLimit ? { bodyLimit: route.spec.bodyLimit } : {}),
      handler: (request, reply) => runRoute(route, store, jobs, o, request, reply),
    });
  }
  registerDocs(app, routes, version());
  await registerStatic(app, o.webRoot);
  await prepareDummyHash();
  return app;
}
