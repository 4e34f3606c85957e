/**
 * Binds a command to an HTTP route: the route's path parameters, query and body are the command's
 * input, its response is the command's output. Validation, authorization, the transaction, the
 * audit event and redaction are the command layer's (`execute`); the route adds only the HTTP shape.
 */
import { type RouteKey } from '@corridor/core';
import { execute, type AnyCommand } from '@corridor/commands';
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
  /** The success status (default 200 for reads and files, 201 for writes). */
  status?: 200 | 201 | 202;
  /**
   * Answer the command's file (its output is `fileOutput(…)`: filename, contentType, content) as
   * the response body instead of JSON; `types` lists the media types it may send, for OpenAPI.
   */
  file?: { types: readonly string[] };
}

/** The route bound to each command, for the command-table test and the CLI's remote mode. */
export interface BoundRoute extends ApiRoute {
  command: AnyCommand;
  binding: HttpBinding;
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

/**
 * Defines the route `key` for `command`: GET takes the rest of the input from the query string,
 * other methods from the JSON body.
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
  const rest =
    shape && fromParams.length
      ? (command.input as z.ZodObject).omit(
          Object.fromEntries(fromParams.map(([, field]) => [field, true])) as never,
        )
      : command.input;
  const restIsEmpty = shape !== null && Object.keys(objectShape(rest) ?? {}).length === 0;
  const inQuery = method === 'GET';
  const route = defineRoute(key, {
    tag: binding.tag,
    summary: command.summary,
    description: binding.description,
    params,
    query: inQuery && !restIsEmpty ? rest : undefined,
    body: !inQuery && !restIsEmpty ? rest : undefined,
    response: binding.file ? FileReplySchema : command.output,
    ...(binding.file ? { file: binding.file } : {}),
    status: binding.status ?? (binding.file || command.audit === null ? 200 : 201),
    handler: async (ctx) => {
      const input: Record<string, unknown> = {
        ...((inQuery ? ctx.query : ctx.body) as Record<string, unknown> | undefined),
      };
      for (const [p, field] of fromParams)
        input[field] = (ctx.params as Record<string, unknown>)[p];
      const actor = { name: ctx.actor.name, role: ctx.user!.role, via: 'api' as const };
      const output = await execute(command, { actor, store: ctx.store, now: ctx.now }, input);
      if (!binding.file) return output;
      const { content, contentType, filename } = output as FileReply;
      return { content, contentType, filename };
    },
  });
  return { ...route, command, binding };
}
