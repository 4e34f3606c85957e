/** The `corridor` command: builds the program and turns every failure into one clear line. */
import { readFileSync } from 'node:fs';
import { isCorridorError, localizeError } from '@corridor/core';
import { Command, CommanderError } from 'commander';
import { cliLocale, setCliLocale } from './cli-locale.js';
import { registerAllocate } from './commands/allocate.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCase } from './commands/case.js';
import { registerConsent } from './commands/consent.js';
import { registerDedup } from './commands/dedup.js';
import { registerDemo } from './commands/demo.js';
import { registerDestination } from './commands/destination.js';
import { registerCheckin } from './commands/checkin.js';
import { registerCustody } from './commands/custody.js';
import { registerExport } from './commands/export.js';
import { registerGrievance } from './commands/grievance.js';
import { registerArrival } from './commands/arrival.js';
import { registerImport } from './commands/import.js';
import { registerIncident } from './commands/incident.js';
import { registerJob } from './commands/job.js';
import { registerManifest } from './commands/manifest.js';
import { registerMapping } from './commands/mapping.js';
import { registerMovement } from './commands/movement.js';
import { registerCandidate } from './commands/candidate.js';
import { recordVersionFlag, registerPerson, staleEditText } from './commands/person.js';
import { registerPlan } from './commands/plan.js';
import { registerProcedure } from './commands/procedure.js';
import { registerMessage } from './commands/message.js';
import { registerProperty } from './commands/property.js';
import { registerReport } from './commands/report.js';
import { registerRetention } from './commands/retention.js';
import { registerDpo } from './commands/dpo.js';
import { registerSchedule } from './commands/schedule.js';
import { registerServe } from './commands/serve.js';
import { registerSession } from './commands/session.js';
import { registerSolveGap } from './commands/solve-gap.js';
import { registerStatus } from './commands/status.js';
import { registerUser } from './commands/user.js';
import { registerWebhook } from './commands/webhook.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

/** Builds the command tree (exported for tests and documentation). */
export function buildProgram(): Command {
  const program = new Command('corridor')
    .description(
      'Corridor plans and runs the relocation of an at-risk population to host countries.',
    )
    .version(version())
    .option(
      '--data <dir>',
      'data folder (default: $CORRIDOR_DATA or ./corridor-data); DATABASE_URL selects PostgreSQL',
    )
    .option('--role <role>', 'role to act in (default: $CORRIDOR_ROLE or admin)')
    .option(
      '--actor <name>',
      'name recorded in history and audit (default: $CORRIDOR_ACTOR or your login)',
    )
    .option(
      '--server <url>',
      'run on a Corridor server as the user of `corridor login` (default: $CORRIDOR_SERVER; else the local data folder)',
    )
    .option(
      '--lang <code>',
      'language of messages: en, ar, fa, ps or ckb (default: $LC_ALL, $LC_MESSAGES or $LANG, else en)',
    )
    .showHelpAfterError('(run with --help for usage)');
  program.hook('preAction', () => {
    setCliLocale(program.opts<{ lang?: string }>().lang);
  });
  registerDemo(program);
  registerStatus(program);
  registerCase(program);
  registerConsent(program);
  registerDedup(program);
  registerDestination(program);
  registerMovement(program);
  registerCandidate(program);
  registerBackup(program);
  registerAllocate(program);
  registerSolveGap(program);
  registerPlan(program);
  registerSchedule(program);
  registerJob(program);
  registerIncident(program);
  registerProcedure(program);
  registerMessage(program);
  registerMapping(program);
  registerAudit(program);
  registerServe(program);
  registerSession(program);
  registerUser(program);
  registerPerson(program);
  registerGrievance(program);
  registerArrival(program);
  registerImport(program);
  registerExport(program);
  registerManifest(program);
  registerCheckin(program);
  registerProperty(program);
  registerCustody(program);
  registerRetention(program);
  registerDpo(program);
  registerReport(program);
  registerWebhook(program);
  program.commands.forEach(function exit(c: Command): void {
    c.exitOverride();
    c.commands.forEach(exit);
  });
  program.exitOverride();
  return program;
}

function stopOnClosedPipe(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE')
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw error;
}

/** Runs the CLI and returns the exit code: 0 done, 1 refused or failed, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  // `corridor … --json | head` closes the pipe early: stop quietly, as Unix tools do.
  if (!process.stdout.listeners('error').includes(stopOnClosedPipe))
    process.stdout.on('error', stopOnClosedPipe);
  try {
    await buildProgram().parseAsync(recordVersionFlag(argv));
    // A command may report a negative result with its own code (`audit verify` on a broken chain: 3).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
        ? 0
        : 2;
    }
    if (isCorridorError(error)) {
      process.stderr.write(`corridor: ${localizeError(error, cliLocale())}\n`);
      const stale = error.id === 'stale-version' ? staleEditText(error.details) : '';
      if (stale) process.stderr.write(`${stale}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`corridor: unexpected error: ${message}\n`);
    if (process.env.CORRIDOR_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
