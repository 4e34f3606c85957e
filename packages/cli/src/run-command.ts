/**
 * Binds a `corridor` subcommand to a command of `@corridor/commands`: it opens the store, runs the
 * command in-process for the acting user with the same authorization as over HTTP, and prints the
 * command's output (`--json`: exactly what the API answers for the same command).
 */
import { execute, type AnyCommand } from '@corridor/commands';
import { authorize } from '@corridor/core';
import type { Command } from 'commander';
import { actorOf, output, withStore } from './context.js';

const bound = new WeakMap<Command, AnyCommand>();

/** The command a CLI subcommand is bound to, for the command-table test and help. */
export function boundCommandOf(cli: Command): AnyCommand | undefined {
  return bound.get(cli);
}

/** How a subcommand hands its output over when not by printing it. */
export interface CliDelivery<O> {
  /**
   * Delivers the output elsewhere (writes the file a subcommand was given) and returns what to
   * print instead, with `--json` as without: for subcommands whose API answer is a file.
   */
  deliver?: (out: O, options: Record<string, unknown>) => unknown;
}

/**
 * Sets `cli`'s action: `toInput` turns its arguments (an optional one left out is undefined) and
 * options into the command's input, `text` prints the output (and the input it came from) for
 * people. Returns `cli` for chaining.
 */
export function bindCli<O>(
  cli: Command,
  command: AnyCommand,
  toInput: (args: string[], options: Record<string, unknown>) => unknown,
  text: (out: O, input: never) => string,
  delivery: CliDelivery<O> = {},
): Command {
  bound.set(cli, command);
  return cli.action(async (...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const options = received.at(-2) as Record<string, unknown>;
    const args = received
      .slice(0, -2)
      .map((a) => (a === undefined ? undefined : String(a))) as string[];
    const actor = { ...actorOf(self), via: 'cli' as const };
    // Refused before the options are read or the data folder opened; `execute` checks again.
    authorize(actor, command.permission);
    const input = toInput(args, options);
    const result = await withStore(self, false, (store) =>
      execute(command, { actor, store, now: new Date() }, input),
    );
    const shown = delivery.deliver ? delivery.deliver(result as O, options) : result;
    output(self, shown, () => text(result as O, input as never));
  });
}
