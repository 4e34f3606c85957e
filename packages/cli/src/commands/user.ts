/** `corridor user add|list|password|disable`: accounts for the API and the web application (M11). */
import { errors, isRole, roles } from '@corridor/core';
import { checkNewCredentials, checkNewPassword, hashPassword } from '@corridor/server';
import type { User } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, globals, output, withStore } from '../context.js';
import { table } from '../format.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function usersText(users: User[]): string {
  return users.length === 0
    ? 'no users'
    : table(
        ['user', 'role', 'status', 'created', 'by'],
        users.map((u) => [
          u.username,
          u.role,
          u.disabled ? 'disabled' : 'active',
          u.createdAt.slice(0, 19),
          u.createdBy,
        ]),
      );
}

/** Registers `corridor user`. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('user accounts of the API and web application');
  user
    .command('add <name>')
    .description(
      'add a user; the password is read from standard input and stored as an argon2id hash',
    )
    .option(
      '--role <role>',
      `the new user's role: ${roles.join(', ')} (here --role names the account's role; the CLI acts as admin)`,
    )
    .option('--password-stdin', 'read the password from standard input (the only way to give it)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { passwordStdin?: boolean }, command: Command) => {
      // The program's global --role takes the value: in `user add` it names the new account's role.
      const role = globals(command).role;
      if (role === undefined || !isRole(role))
        throw errors.invalidInput(
          `give the new user's role with --role: ${roles.join(', ')}${role ? ` (not "${role}")` : ''}`,
        );
      if (!opts.passwordStdin)
        throw errors.invalidInput(
          'give the password on standard input with --password-stdin (never as an argument)',
        );
      const password = await readStdin();
      checkNewCredentials(name, password);
      const passwordHash = await hashPassword(password);
      const added = await withStore(command, true, (store) =>
        store.users.add(
          { username: name, role, passwordHash },
          { ...actorOf(command), role: 'admin' },
        ),
      );
      output(command, added, () => `user ${added.username} added with role ${added.role}`);
    });
  user
    .command('list')
    .description('list users and their roles')
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const users = await withStore(command, false, (store) => store.users.list());
      output(command, users, () => usersText(users));
    });
  user
    .command('password <name>')
    .description("set a user's password (read from standard input); their sessions end")
    .option(
      '--password-stdin',
      'read the new password from standard input (the only way to give it)',
    )
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { passwordStdin?: boolean }, command: Command) => {
      if (!opts.passwordStdin)
        throw errors.invalidInput(
          'give the new password on standard input with --password-stdin (never as an argument)',
        );
      const password = await readStdin();
      checkNewPassword(password, 'the new password');
      const passwordHash = await hashPassword(password);
      const result = await withStore(command, false, (store) =>
        store.users.setPassword(name, passwordHash, { ...actorOf(command), role: 'admin' }),
      );
      output(
        command,
        { username: name, ...result },
        () => `password of ${name} changed; ${result.sessionsEnded} session(s) ended`,
      );
    });
  user
    .command('disable <name>')
    .description('disable a user; their sessions end at once')
    .option('--json', 'print JSON')
    .action(async (name: string, _opts, command: Command) => {
      const disabled = await withStore(command, false, (store) =>
        store.users.disable(name, actorOf(command)),
      );
      output(command, disabled, () => `user ${disabled.username} disabled`);
    });
}
