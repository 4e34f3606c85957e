/** `corridor login|logout`: a session on a Corridor server, for commands run with `--server`. */
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { globals, output } from '../context.js';
import { remoteLogin, remoteLogout, sessionsFile } from '../remote.js';
import { readStdin } from '../stdin.js';

function serverOf(command: Command): string {
  const server = globals(command).server ?? process.env.CORRIDOR_SERVER;
  if (!server)
    throw errors.invalidInput('name the server with --server URL (or set CORRIDOR_SERVER)');
  return server;
}

/** Registers `corridor login` and `corridor logout`. */
export function registerSession(program: Command): void {
  program
    .command('login')
    .description('log in to a Corridor server; later commands with --server run there as this user')
    .requiredOption('--username <name>', 'your user name on that server')
    .option('--password-stdin', 'read the password from standard input (the only way to give it)')
    .option('--json', 'print JSON')
    .action(async (o: { username: string; passwordStdin?: boolean }, command: Command) => {
      if (!o.passwordStdin)
        throw errors.invalidInput(
          'give the password on standard input with --password-stdin (never as an argument)',
        );
      const done = await remoteLogin(serverOf(command), o.username, await readStdin());
      output(
        command,
        done,
        () => `logged in at ${done.server} as ${done.username} (session kept in ${sessionsFile()})`,
      );
    });
  program
    .command('logout')
    .description('end the session on a Corridor server and forget its token')
    .option('--json', 'print JSON')
    .action(async (_o: unknown, command: Command) => {
      const done = await remoteLogout(serverOf(command));
      output(command, done, () =>
        done.loggedOut ? `logged out of ${done.server}` : `no session at ${done.server}`,
      );
    });
}
