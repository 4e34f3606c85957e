/** `corridor solve-gap FILE`: generalised assignment files (OR-Library / Yagiura format) through the engine. */
import { readFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { errors } from '@corridor/core';
import { GapFormatError, loadHighs, solveGap } from '@corridor/optimizer';
import type { Command } from 'commander';
import { table } from '../format.js';

/** Registers `corridor solve-gap`. */
export function registerSolveGap(program: Command): void {
  program
    .command('solve-gap <file>')
    .description(
      'solve a generalised assignment file (one problem, or a leading problem count) and print one result per problem',
    )
    .option('--sense <sense>', 'min (costs, OR-Library default) or max (profits)', 'min')
    .option('--time-limit <seconds>', 'time limit per problem', '10')
    .option('--no-exact', 'do not finish small problems with the HiGHS MIP')
    .option('--json', 'print one JSON line per problem')
    .action(
      async (
        file: string,
        opts: { sense: string; timeLimit: string; exact: boolean; json?: boolean },
        command: Command,
      ) => {
        if (opts.sense !== 'min' && opts.sense !== 'max')
          throw errors.invalidInput(`--sense must be min or max, not "${opts.sense}"`);
        const limit = Number(opts.timeLimit);
        if (!Number.isFinite(limit) || limit <= 0)
          throw errors.invalidInput(
            `--time-limit must be a positive number of seconds, not "${opts.timeLimit}"`,
          );
        if (!existsSync(file)) throw errors.invalidInput(`no file at ${file}`);
        const highs = opts.exact ? await loadHighs() : null;
        let results;
        try {
          results = solveGap(readFileSync(file, 'utf8'), basename(file), {
            sense: opts.sense,
            timeLimitMs: limit * 1000,
            highs,
          });
        } catch (error) {
          if (error instanceof GapFormatError) throw errors.invalidInput(error.message);
          throw error;
        }
        if (command.optsWithGlobals<{ json?: boolean }>().json) {
          for (const r of results) process.stdout.write(JSON.stringify(r) + '\n');
          return;
        }
        process.stdout.write(
          table(
            ['problem', 'm', 'n', 'sense', 'status', 'objective', 'bound', 'gap', 'ms'],
            results.map((r) => [
              r.name,
              r.m,
              r.n,
              r.sense,
              r.status,
              r.objective,
              r.bound,
              `${(r.gap * 100).toFixed(3)}%`,
              r.timeMs,
            ]),
          ) + '\n',
        );
      },
    );
}
