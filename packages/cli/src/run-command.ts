/**
 * Binds a `corridor` subcommand to a command of `@corridor/commands`: it opens the store, runs the
 * command in-process for the acting user with the same authorization as over HTTP, and prints the
 * command's output (`--json`: exactly what the API answers for the same command).
 */
import { writeFileSync } from 'node:fs';
import { execute, type AnyCommand, type FileAnswer } from '@corridor/commands';
import { authorize } from '@corridor/core';
import type { Command } from 'commander';
import { actorOf, output, withStore } from './context.js';

const bound = new WeakMap<Command, AnyCommand>();

/** The command a CLI subcommand is bound to, for the command-table test and help. */
export function boundCommandOf(cli: Command): AnyCommand | undefined {
  return bound.get(cli);
}

/** How a command that answers a file (`fileOutput`) is printed. */
export interface CliFileBinding {
  /** Without `--out`, write the file to standard output (else print its summary). */
  stdout: boolean;
}

/**
 * Sets `cli`'s action: `toInput` turns its arguments and options into the command's input, `text`
 * prints the output (and the input it came from) for people. Returns `cli` for chaining.
 * With `file`, the command's file is written to `--out` (mode 600) and its summary printed, with
 * `file` naming where it went; `text` and `--json` get that summary.
 */
export function bindCli<O>(
  cli: Command,
  command: AnyCommand,
  toInput: (args: string[], options: Record<string, unknown>) => unknown,
  text: (out: O, input: never) => string,
  file?: CliFileBinding,
): Command {
  bound.set(cli, command);
  return cli.action(async (...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const options = received.at(-2) as Record<string, unknown>;
    const args = received.slice(0, -2).map(String);
    const actor = { ...actorOf(self), via: 'cli' as const };
    // Refused before the options are read or the data folder opened; `execute` checks again.
    authorize(actor, command.permission);
    const input = toInput(args, options);
    const result = await withStore(self, false, (store) =>
      execute(command, { actor, store, now: new Date() }, input),
    );
    if (!file) return output(self, result, () => text(result as O, input as never));
    const answer = result as FileAnswer;
    const out = options.out === undefined ? undefined : String(options.out);
    if (out) writeFileSync(out, answer.content, { mode: 0o600 });
    else if (file.stdout) return void process.stdout.write(answer.content);
    const shown = { ...(out ? { file: out } : {}), ...(answer.summary as object) };
    output(self, shown, () => text(shown as O, input as never));
  });
}
