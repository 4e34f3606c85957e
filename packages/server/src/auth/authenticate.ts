/** Finds the user behind a request's session token, or refuses with 401. */
import { errors } from '@corridor/core';
import type { SessionUser, Store } from '@corridor/storage';
import type { FastifyRequest } from 'fastify';
import type { ServerOptions } from '../options.js';
import { enforceLimit } from './rate-limit.js';
import { requestCounter } from './request-counter.js';
import { tokenHash, tokenOf } from './tokens.js';

/** The live session's user; also counts the request against the per-token limit. */
export async function authenticate(
  store: Store,
  options: Required<ServerOptions>,
  request: FastifyRequest,
  now: Date,
): Promise<SessionUser> {
  const token = tokenOf(request.headers, request.cookies);
  if (!token) throw errors.unauthenticated();
  const hash = tokenHash(token);
  const found = await store.sessions.resume(hash, options.sessionIdleMs, now);
  if (found.status !== 'live') throw errors.sessionExpired();
  const limit = { kind: 'api-token', subject: hash, max: options.requestsPerMinutePerToken };
  await enforceLimit(requestCounter(store), { ...limit, windowMs: 60_000 }, now);
  return found.user;
}
