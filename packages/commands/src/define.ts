/**
 * One command per use case: its input and output schemas, the permission it needs, the audit
 * event it writes, and what it does. Interfaces (CLI, HTTP, jobs) bind commands; they add nothing.
 */
import type { Permission } from '@corridor/core';
import type { z } from 'zod';
import type { CommandContext } from './context.js';

/** A command as written: `defineCommand({ name: 'property.addAsset', … })`. */
export interface CommandSpec<I extends z.ZodType, O extends z.ZodType, R = unknown> {
  /** `capability.verb`, unique: how users, routes, the CLI and tests name the use case. */
  name: string;
  /** One line that says what the command does, for help texts and the API description. */
  summary: string;
  input: I;
  /** The output schema: the single truth for the API response, the CLI's `--json` and redaction. */
  output: O;
  /** The permission every actor needs, checked before anything runs. */
  permission: Permission;
  /** The audit action a write appends inside its transaction; null for a read. */
  audit: string | null;
  /**
   * Loads the record the policy needs to judge this input (a movement, a case), for permissions
   * whose rule depends on the record; runs inside the transaction, before `run`.
   */
  record?: (ctx: CommandContext, input: z.output<I>) => Promise<R>;
  /**
   * A long command (allocate, schedule, re-plan, import): over HTTP it is queued as a job of `kind` and
   * answers 202; the job's worker and the CLI run it through `execute` with progress in
   * `ctx.control`. Its `run` is not wrapped in one transaction: it computes first and saves in one
   * transaction at the end (`saveRun`), so a cancel or a failure saves nothing.
   */
  job?: {
    kind: string;
    /**
     * The input holds personal data (an import's file): the job keeps it sealed under a fresh data
     * key wrapped by the keyring's current generation, not in plain JSON, and removes it when the
     * job ends; job lists never show it.
     */
    sealedInput?: boolean;
    /**
     * `always` (the default): over HTTP the command is always queued (202). `when-asked`: the
     * route runs it in the request as any command, and queues it only when the request says
     * `Prefer: respond-async` (RFC 7240).
     */
    queue?: 'always' | 'when-asked';
    /**
     * The server queues it by itself on a schedule (retention, daily), as the system actor
     * `system:<kind>` with the administrator's permissions; no other kind may run as that actor.
     */
    scheduled?: boolean;
  };
  run(ctx: CommandContext, input: z.output<I>): Promise<z.input<O>>;
  /**
   * Work that may only happen once the command's transaction has committed (destroying a key
   * generation after the re-wrap is durable, say); its answer replaces the output.
   */
  afterCommit?: (
    ctx: CommandContext,
    input: z.output<I>,
    output: z.input<O>,
  ) => Promise<z.input<O>>;
}

/** A defined command, its types erased so that commands of every shape fit in one table. */
export type AnyCommand = CommandSpec<z.ZodType, z.ZodType>;

/** Defines a command; the identity function that keeps its types. */
export function defineCommand<I extends z.ZodType, O extends z.ZodType, R = unknown>(
  spec: CommandSpec<I, O, R>,
): CommandSpec<I, O, R> {
  return spec;
}

/**
 * What a command answers, as the API sends it (`z.output` of its output schema): the web names
 * each answer it reads by its command, `CommandOutput<typeof showCase>`, instead of a copy.
 */
export type CommandOutput<C extends { output: z.ZodType }> = z.output<C['output']>;
