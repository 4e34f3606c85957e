/**
 * The route-definition helper: every API route is a key of core's access table plus a spec
 * (schemas, handler). The pipeline in `pipeline.ts` runs authenticate → authorize → validate →
 * command → present for every route alike; `openapi/document.ts` documents them from the same specs.
 */
import type { RouteKey, routeAccess } from '@corridor/core';
import type { Actor, SessionUser, Store } from '@corridor/storage';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { JobRunner } from './jobs/job-runner.js';
import type { ServerOptions } from './options.js';

/** The user a handler sees: none on public routes, always one on the others. */
export type UserOf<K extends RouteKey> = (typeof routeAccess)[K] extends 'public'
  ? null
  : SessionUser;

/** What a handler receives: validated input, who acts, the store and the request. */
export interface RouteContext<K extends RouteKey, P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: UserOf<K>;
  /** Who acts, for storage commands and the audit log: `api:<username>` in their role. */
  actor: Actor;
  store: Store;
  /** The job queue: long work answers 202 with a job to poll. */
  jobs: JobRunner;
  /**
   * The route may answer with a job (`respondAsync`) and the request said
   * `Prefer: respond-async`: the handler queues the work and answers the job (202).
   */
  respondAsync: boolean;
  options: Required<ServerOptions>;
  /** The request's time from the server clock. */
  now: Date;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** No input of this kind (the default type of params and query). */
type NoInput = z.ZodObject<Record<string, never>>;

/** A route's description: schemas for input and output, and the command that answers it. */
export interface RouteSpec<
  K extends RouteKey,
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  /** The OpenAPI tag that groups the route in /docs. */
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The response schema: documents the route and strips any field it does not name. */
  response: R;
  /** The success status (default 200; 202 for work accepted to run later). */
  status?: 200 | 201 | 202;
  /**
   * The answer (202) when the request says `Prefer: respond-async` (RFC 7240): the job that runs
   * the work, instead of the work's result. Without it the header is ignored.
   */
  respondAsync?: z.ZodType;
  /**
   * Answer with a file, not JSON: the handler returns a `FileReply` (use `FileReplySchema` as the
   * response) and `types` lists the media types it may send, for the OpenAPI document.
   */
  file?: { types: readonly string[] };
  /** The largest request body of this route when it must exceed the server's limit (uploads). */
  bodyLimit?: number;
  handler(ctx: RouteContext<K, z.output<P>, z.output<Q>, z.output<B>>): Promise<z.input<R>>;
}

/** A defined route, its types erased so that routes of every shape fit in one list. */
export interface ApiRoute {
  key: RouteKey;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  spec: RouteSpec<RouteKey, z.ZodType, z.ZodType, z.ZodType, z.ZodType>;
}

/**
 * Defines one API route. The key (`'POST /api/cases/:id/status'`) must be in core's
 * `routeAccess` table, which says who may call it; the method and path come from the key.
 */
export function defineRoute<
  K extends RouteKey,
  R extends z.ZodType,
  P extends z.ZodType = NoInput,
  Q extends z.ZodType = NoInput,
  B extends z.ZodType = z.ZodUndefined,
>(key: K, spec: RouteSpec<K, P, Q, B, R>): ApiRoute {
  const [method, path] = key.split(' ') as [ApiRoute['method'], string];
  // The handler's input types are checked above; the list only needs the erased shape.
  return { key, method, path, spec: spec as unknown as ApiRoute['spec'] };
}
