/**
 * Binds a command to an HTTP route: the route's path parameters, query and body are the command's
 * input, its response is the command's output. Validation, authorization, the transaction, the
 * audit event and redaction are the command layer's (`execute`); the route adds only the HTTP shape.
 */
import { authorize, isLocale, locales, negotiateLocale, type RouteKey } from '@corridor/core';
import { execute, parseInput, QueuedJobSchema, type AnyCommand } from '@corridor/commands';
import { z } from 'zod';
import { FileReplySchema, type FileReply } from './file-reply.js';
import { defineRoute, type ApiRoute } from './route.js';

/** How a command is reached over HTTP. */
export interface HttpBinding {
  /** The OpenAPI tag that groups the route in /docs. */
  tag: string;
  description?: string;
  /** Path parameters and the input field each fills: `{ id: 'assetId' }`. */
  params?: Record<string, string>;
  /** Input fields a POST takes from the query string instead of the body (`?now=true`). */
  query?: readonly string[];
  /** The success status (default 200 for reads and files, 201 for writes, 202 for a long command's job). */
  status?: 200 | 201 | 202;
  /**
   * Answer the command's file (its output is `fileOutput(…)`: filename, contentType, content) as
   * the response body instead of JSON; `types` lists the media types it may send, for OpenAPI.
   */
  file?: { types: readonly string[] };
  /** A larger body than the server's default, for a command that takes a file (`registry.import`). */
  bodyLimit?: number;
}

/** The route bound to each command, for the command-table test and the CLI's remote mode. */
export interface BoundRoute extends ApiRoute {
  command: AnyCommand;
  binding: HttpBinding;
}

const LangQuery = z
  .enum(locales)
  .optional()
  .describe("the language of the file's words (default: Accept-Language, else English)");

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/**
 * Defines the route `key` for `command`: GET takes the rest of the input from the query string,
 * other methods from the JSON body. A long command (`job`) is authorized and its input parsed
 * at once (403 and 400 as for any command), then queued: the answer is the job (202), which the
 * worker runs through `execute` again. One queued only when asked (`Prefer: respond-async`) runs
 * in the request otherwise, as any command.
 */
export function bindCommand(key: RouteKey, command: AnyCommand, binding: HttpBinding): BoundRoute {
  const method = key.split(' ')[0]!;
  const fromParams = Object.entries(binding.params ?? {});
  const shape = objectShape(command.input);
  if (fromParams.length > 0 && !shape)
    throw new Error(`${command.name}: path parameters need an object input`);
  const params = fromParams.length
    ? z.object(Object.fromEntries(fromParams.map(([p, field]) => [p, shape![field]!])))
    : undefined;
  const fromQuery = method === 'GET' ? [] : (binding.query ?? []);
  if (fromQuery.length > 0 && !shape)
    throw new Error(`${command.name}: query fields need an object input`);
  const omitted = [...fromParams.map(([, field]) => field), ...fromQuery];
  const rest =
    shape && omitted.length
      ? (command.input as z.ZodObject).omit(
          Object.fromEntries(omitted.map((field) => [field, true])) as never,
        )
      : command.input;
  const restIsEmpty = shape !== null && Object.keys(objectShape(rest) ?? {}).length === 0;
  const inQuery = method === 'GET';
  const commandQuery = inQuery
    ? restIsEmpty
      ? undefined
      : rest
    : fromQuery.length
      ? z.object(Object.fromEntries(fromQuery.map((field) => [field, shape![field]!])))
      : undefined;
  // A file is often fetched by a plain link, which sends the browser's languages, not the app's:
  // `?lang=` names the language of the file's words, before Accept-Language.
  const query =
    binding.file && (commandQuery === undefined || commandQuery instanceof z.ZodObject)
      ? (commandQuery ?? z.object({})).extend({ lang: LangQuery })
      : commandQuery;
  // A long command is queued on every call, or (`queue: 'when-asked'`) on `Prefer: respond-async`.
  const alwaysQueued = command.job !== undefined && command.job.queue !== 'when-asked';
  const route = defineRoute(key, {
    tag: binding.tag,
    summary: command.summary,
    description: binding.description,
    params,
    query,
    body: !inQuery && !restIsEmpty ? rest : undefined,
    response: alwaysQueued ? QueuedJobSchema : binding.file ? FileReplySchema : command.output,
    ...(command.job && !alwaysQueued ? { respondAsync: QueuedJobSchema } : {}),
    ...(binding.file ? { file: binding.file } : {}),
    ...(binding.bodyLimit ? { bodyLimit: binding.bodyLimit } : {}),
    status:
      binding.status ?? (alwaysQueued ? 202 : binding.file || command.audit === null ? 200 : 201),
    handler: async (ctx) => {
      const { lang, ...fromQueryString } = (ctx.query ?? {}) as Record<string, unknown>;
      const input: Record<string, unknown> = {
        ...((inQuery ? fromQueryString : ctx.body) as Record<string, unknown> | undefined),
        ...(inQuery ? {} : fromQueryString),
      };
      for (const [p, field] of fromParams)
        input[field] = (ctx.params as Record<string, unknown>)[p];
      const actor = { name: ctx.actor.name, role: ctx.user!.role, via: 'api' as const };
      if (command.job && (alwaysQueued || ctx.respondAsync)) {
        authorize(actor, command.permission);
        parseInput(command.input, input, command.name);
        return ctx.jobs.submit(command.job.kind, input, actor, {
          sealed: command.job.sealedInput ?? false,
        });
      }
      const origins = [`${ctx.request.protocol}://${ctx.request.host}`];
      const output = await execute(
        command,
        {
          actor,
          store: ctx.store,
          now: ctx.now,
          jobs: ctx.jobs,
          origins,
          locale: isLocale(lang) ? lang : negotiateLocale(ctx.request.headers['accept-language']),
        },
        input,
      );
      if (!binding.file) return output;
      const { content, contentType, filename } = output as FileReply;
      return { content, contentType, filename };
    },
  });
  return { ...route, command, binding };
}
