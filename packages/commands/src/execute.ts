/**
 * Runs one command the same way for every interface: authorize → parse the input → run (a write in
 * one transaction, its audit event inside it) → check the output → redact it for the actor's role.
 */
import { authorize, errors, redactOutput } from '@corridor/core';
import type { z } from 'zod';
import type { CommandContext } from './context.js';
import type { CommandSpec } from './define.js';

/** Parses a command's input, or fails with 400 naming the first field and reason (never the value). */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, command: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0];
  const at = first?.path ? ` at ${first.path}` : '';
  throw errors.invalidInput(
    `invalid input for ${command}${at}: ${first?.message ?? 'unreadable'}`,
    {
      issues,
    },
  );
}

/**
 * Executes `command` with raw `input` for `ctx.actor`. Reads see the store as it is; writes run in
 * `store.atomically`, so the command's writes and their audit events are kept together or not at all.
 * The result is the output schema's parse of what the command returned, redacted for the role.
 */
export async function execute<I extends z.ZodType, O extends z.ZodType, R>(
  command: CommandSpec<I, O, R>,
  ctx: CommandContext,
  input: unknown,
): Promise<z.output<O>> {
  authorize(ctx.actor, command.permission);
  const parsed = parseInput(command.input, input, command.name) as z.output<I>;
  const act = async (inner: CommandContext): Promise<unknown> => {
    if (command.record)
      authorize(inner.actor, command.permission, await command.record(inner, parsed));
    return command.run(inner, parsed);
  };
  // A read, or a long command that saves in one transaction of its own at the end.
  const committed =
    command.audit === null || command.job
      ? await act(ctx)
      : await ctx.store.atomically((store) => act({ ...ctx, store }));
  const raw = command.afterCommit
    ? await command.afterCommit(ctx, parsed, committed as z.input<O>)
    : committed;
  const output = command.output.parse(raw) as z.output<O>;
  return redactOutput(command.output, output, ctx.actor.role) as z.output<O>;
}
