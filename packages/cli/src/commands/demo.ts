/** `corridor demo`: creates the synthetic demo operation (the command `operation.demo`). */
import { createDemo, type OperationStatusOut } from '@corridor/commands';
import { defaultDemoOptions, errors } from '@corridor/core';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';
import { statusText } from './status.js';

function positiveInt(name: string, value: unknown, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw errors.invalidInput(
      `--${name} must be a whole number from ${min} to ${max}, not "${String(value)}"`,
    );
  return n;
}

/** Registers `corridor demo`. */
export function registerDemo(program: Command): void {
  bindCli<OperationStatusOut>(
    program
      .command('demo')
      .description(
        'create the synthetic demo operation (replaces an earlier demo in the same database)',
      )
      .option('--people <n>', 'about how many residents', String(defaultDemoOptions.people))
      .option(
        '--seed <s>',
        'random seed: the same seed gives the same operation',
        String(defaultDemoOptions.seed),
      )
      .option('--json', 'print JSON'),
    createDemo,
    (_args, o) => ({
      people: positiveInt('people', o.people, 10, 500_000),
      seed: positiveInt('seed', o.seed, 0, 2 ** 31 - 1),
    }),
    (status) => `Demo operation created.\n\n${statusText(status)}`,
    { create: true, progress: 'demo' },
  );
}
