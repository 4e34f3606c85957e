/** Runs one route: authenticate → authorize (the access table) → validate → command → present. */
import { errors, isPublicRoute, mayCall, rolesFor } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { authenticate } from './auth/authenticate.js';
import { FileReplySchema, safeFilename } from './file-reply.js';
import type { JobRunner } from './jobs/job-runner.js';
import type { ServerOptions } from './options.js';
import { prefersAsync } from './prefer.js';
import type { ApiRoute, RouteContext } from './route.js';

/** Parses one part of the request, or fails with 400 naming the first problems (never the values). */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0];
  const at = first?.path ? ` at ${first.path}` : '';
  throw errors.invalidInput(`invalid ${where}${at}: ${first?.message ?? 'unreadable'}`, { issues });
}

/** Answers a request with the route's handler; every failure is thrown to the error handler. */
export async function runRoute(
  route: ApiRoute,
  store: Store,
  jobs: JobRunner,
  options: Required<ServerOptions>,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<unknown> {
  const now = options.clock();
  const user = isPublicRoute(route.key) ? null : await authenticate(store, options, request, now);
  if (user && !mayCall(route.key, user.role))
    throw errors.routeForbidden(route.key, user.role, rolesFor(route.key));
  const { spec } = route;
  const respondAsync = spec.respondAsync !== undefined && prefersAsync(request.headers.prefer);
  const context: RouteContext<typeof route.key, unknown, unknown, unknown> = {
    params: spec.params ? validate(spec.params, request.params, 'path') : {},
    query: spec.query ? validate(spec.query, request.query ?? {}, 'query') : {},
    body: spec.body ? validate(spec.body, request.body, 'body') : undefined,
    user: user as never,
    actor: user
      ? { name: `api:${user.username}`, role: user.role }
      : { name: 'api:anonymous', role: 'none' },
    store,
    jobs,
    respondAsync,
    options,
    now,
    request,
    reply,
  };
  const result = await spec.handler(context);
  if (respondAsync) {
    reply.status(202).header('preference-applied', 'respond-async');
    return spec.respondAsync!.parse(result);
  }
  reply.status(spec.status ?? 200);
  if (spec.file) {
    const file = FileReplySchema.parse(result);
    reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename="${safeFilename(file.filename)}"`);
    return file.content;
  }
  return spec.response.parse(result);
}
