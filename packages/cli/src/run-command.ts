/**
 * Binds a `corridor` subcommand to a command of `@corridor/commands`: it opens the store, runs the
 * command in-process for the acting user with the same authorization as over HTTP, and prints the
 * command's output (`--json`: exactly what the API answers for the same command). With
 * `--server URL` the same input goes to the command's route on that server, as the logged-in user.
 */
import { writeFileSync } from 'node:fs';
import { execute, type AnyCommand, type FileAnswer } from '@corridor/commands';
import { authorize, errors, isCorridorError, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { Command } from 'commander';
import { cliLocale } from './cli-locale.js';
import { actorOf, globals, output, withStore } from './context.js';
import { progressControl, startProgress } from './progress.js';
import { remoteExecute, routeOf } from './remote.js';

const bound = new WeakMap<Command, AnyCommand[]>();

/** The command a CLI subcommand is bound to (its first, when it has several), for help. */
export function boundCommandOf(cli: Command): AnyCommand | undefined {
  return bound.get(cli)?.[0];
}

/** Every command a CLI subcommand is bound to, for the command-table test. */
export function boundCommandsOf(cli: Command): readonly AnyCommand[] {
  return bound.get(cli) ?? [];
}

/** One way a subcommand runs: a command, and the options that choose it. */
export interface CliWay<O> {
  command: AnyCommand;
  /** True when this way applies to the options given (absent: always). */
  when?: (options: Record<string, unknown>) => boolean;
  toInput: (args: (string | undefined)[], options: Record<string, unknown>) => unknown;
  text: (out: O, input: never) => string;
  /** The exit code of an answer that says no without failing (a check that does not pass). */
  exitCode?: (out: O) => number | undefined;
}

/** What a few subcommands bind differently. */
export interface CliBindingOptions<O> {
  /** Who acts, for a subcommand that gives the program's `--role` another meaning (`user add`). */
  actor?: (cli: Command) => { name: string; role: Role };
  /** Creates the data folder when it does not exist yet (the first `user add`). */
  create?: boolean;
  /**
   * Creates the data folder when it does not exist yet, but only once this check of the input passed
   * without it (an import checks the whole file first, so a refused file creates nothing). When
   * the check answers, that is the answer and nothing is created (an import's dry run).
   */
  createAfter?: (input: never) => Promise<O | undefined>;
  /**
   * What a refusal carries that people need to see, printed (as `--json` or text) before the
   * error: a refused import's report with every bad row. Undefined for other errors.
   */
  refusal?: (error: unknown) => O | undefined;
  /** Shows progress on a terminal (rows read) for a command that is not a job. */
  progress?: string;
  /** Runs after the command on the same local store (not with --server); its answer is printed. */
  afterLocal?: (store: Store, out: O) => Promise<O>;
  /**
   * Delivers the output elsewhere (writes the file a subcommand was given) and returns what to
   * print instead, with `--json` as without: for subcommands whose API answer is a file.
   */
  deliver?: (out: O, options: Record<string, unknown>) => unknown;
  /** The command answers a file (`fileOutput`): where it goes and what is printed. */
  file?: CliFileBinding;
}

/** How a command that answers a file (`fileOutput`) is printed. */
export interface CliFileBinding {
  /** Without `--out`, write the file to standard output (else print its summary). */
  stdout: boolean;
}

/**
 * Sets `cli`'s action: `toInput` turns its arguments (an optional one left out is undefined) and
 * options into the command's input, `text` prints the output (and the input it came from) for
 * people. Returns `cli` for chaining.
 * With `binding.file`, the command's file is written to `--out` (mode 600) and its summary printed,
 * with `file` naming where it went; `text` and `--json` get that summary.
 */
export function bindCli<O>(
  cli: Command,
  command: AnyCommand,
  toInput: (args: (string | undefined)[], options: Record<string, unknown>) => unknown,
  text: (out: O, input: never) => string,
  binding: CliBindingOptions<O> = {},
): Command {
  return bindCliWays<O>(cli, [{ command, toInput, text }], binding);
}

/**
 * Binds a subcommand that runs one of several commands chosen by its options (`move-case
 * --check` checks, `move-case` reassigns): the first way whose `when` holds runs.
 */
export function bindCliWays<O>(
  cli: Command,
  ways: CliWay<O>[],
  binding: CliBindingOptions<O> = {},
): Command {
  bound.set(
    cli,
    ways.map((w) => w.command),
  );
  return cli.action(async (...received: unknown[]) => {
    const self = received.at(-1) as Command;
    const options = received.at(-2) as Record<string, unknown>;
    // An optional argument left out stays undefined.
    const args = received.slice(0, -2).map((a) => (a === undefined ? undefined : String(a)));
    const way = ways.find((w) => !w.when || w.when(options)) ?? ways.at(-1)!;
    const { command } = way;
    const actor = { ...(binding.actor ?? actorOf)(self), via: 'cli' as const };
    // Refused before the options are read or the data folder opened; `execute` checks again.
    authorize(actor, command.permission);
    // `toInput` may read standard input (a password), hence the await.
    const input = await way.toInput(args, options);
    const server = globals(self).server ?? process.env.CORRIDOR_SERVER;
    if (server && binding.file)
      throw errors.invalidInput(
        `${command.name} answers a file: run it without --server, or download it from the API`,
      );
    // A long command runs inline with a progress bar (on a terminal, never with --json).
    const title = binding.progress ?? command.job?.kind;
    const progress =
      title && !server ? startProgress(title, 100, Boolean(globals(self).json)) : undefined;
    const control = progress ? { control: progressControl(progress) } : {};
    const local = (create: boolean) =>
      withStore(self, create, async (store) => {
        const out = (await execute(
          command,
          { actor, store, now: new Date(), locale: cliLocale(), ...control },
          input,
        )) as O;
        return binding.afterLocal ? binding.afterLocal(store, out) : out;
      });
    const { createAfter } = binding;
    let result: O;
    try {
      result = server
        ? ((await remoteExecute(
            server,
            await routeOf(command),
            input as Record<string, unknown>,
          )) as O)
        : createAfter
          ? await local(false).catch(async (error: unknown) => {
              if (!isCorridorError(error) || error.id !== 'no-data') throw error;
              return (await createAfter(input as never)) ?? local(true);
            })
          : await local(binding.create ?? false);
    } catch (error) {
      progress?.stop();
      const carried = binding.refusal?.(error);
      if (carried !== undefined) output(self, carried, () => way.text(carried, input as never));
      throw error;
    } finally {
      progress?.stop();
    }
    if (binding.file) {
      const answer = result as FileAnswer;
      const out = options.out === undefined ? undefined : String(options.out);
      if (out) writeFileSync(out, answer.content, { mode: 0o600 });
      else if (binding.file.stdout) return void process.stdout.write(answer.content);
      const shown = { ...(out ? { file: out } : {}), ...(answer.summary as object) };
      return output(self, shown, () => way.text(shown as O, input as never));
    }
    const shown = binding.deliver ? binding.deliver(result as O, options) : result;
    output(self, shown, () => way.text(result as O, input as never));
    const code = way.exitCode?.(result as O);
    if (code) process.exitCode = code;
  });
}
