/** `corridor user add|list|password|disable`: accounts for the API and the web application (M11). */
import { addUser, disableUser, listUsers, setUserPassword, type UserOut } from '@corridor/commands';
import { errors, isRole, roles } from '@corridor/core';
import type { Command } from 'commander';
import { actorName, globals } from '../context.js';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { readStdin } from '../stdin.js';

function usersText(users: UserOut[]): string {
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

/**
 * Who adds a user: in `user add`, `--role` names the new account's role, so the acting role is
 * $CORRIDOR_ROLE (default admin, the folder's administrator), checked by the user.manage policy.
 */
function accountAdder(command: Command) {
  const role = process.env.CORRIDOR_ROLE ?? 'admin';
  if (!isRole(role))
    throw errors.invalidInput(
      `unknown role "${role}" in CORRIDOR_ROLE; roles: ${roles.join(', ')}`,
    );
  return { name: actorName(command), role };
}

/** A password comes only on standard input (`--password-stdin`), never as an argument. */
async function passwordFromStdin(o: Record<string, unknown>, what: string): Promise<string> {
  if (!o.passwordStdin)
    throw errors.invalidInput(
      `give the ${what} on standard input with --password-stdin (never as an argument)`,
    );
  return readStdin();
}

/** Registers `corridor user`. */
export function registerUser(program: Command): void {
  const user = program.command('user').description('user accounts of the API and web application');
  bindCli<UserOut>(
    user
      .command('add <name>')
      .description(
        'add a user; the password is read from standard input and stored as an argon2id hash',
      )
      .option(
        '--role <role>',
        `the new user's role: ${roles.join(', ')} (here --role names the account's role; you act in $CORRIDOR_ROLE, default admin)`,
      )
      .option('--password-stdin', 'read the password from standard input (the only way to give it)')
      .option('--json', 'print JSON'),
    addUser,
    async ([username], o: Record<string, unknown>) => {
      // The program's global --role takes the value: in `user add` it names the new account's role.
      const role = (o.role as string | undefined) ?? globals(user).role;
      if (role === undefined || !isRole(role))
        throw errors.invalidInput(
          `give the new user's role with --role: ${roles.join(', ')}${role ? ` (not "${role}")` : ''}`,
        );
      return { username, role, password: await passwordFromStdin(o, 'password') };
    },
    (added) => `user ${added.username} added with role ${added.role}`,
    { actor: accountAdder, create: true },
  );
  bindCli<UserOut[]>(
    user.command('list').description('list users and their roles').option('--json', 'print JSON'),
    listUsers,
    () => ({}),
    usersText,
  );
  bindCli<{ username: string; sessionsEnded: number }>(
    user
      .command('password <name>')
      .description("set a user's password (read from standard input); their sessions end")
      .option(
        '--password-stdin',
        'read the new password from standard input (the only way to give it)',
      )
      .option('--json', 'print JSON'),
    setUserPassword,
    async ([username], o: Record<string, unknown>) => {
      return { username, password: await passwordFromStdin(o, 'new password') };
    },
    (r) => `password of ${r.username} changed; ${r.sessionsEnded} session(s) ended`,
  );
  bindCli<UserOut>(
    user
      .command('disable <name>')
      .description('disable a user; their sessions end at once')
      .option('--json', 'print JSON'),
    disableUser,
    ([username]) => ({ username }),
    (disabled) => `user ${disabled.username} disabled`,
  );
}
