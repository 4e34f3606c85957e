/** User accounts over HTTP: list, add (argon2id hash), disable (ends their sessions). */
import { addUser, disableUser, listUsers } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'users';

/** `GET /api/users`: every account (never a hash). */
export const listUsersRoute = bindCommand('GET /api/users', listUsers, { tag });

/** `POST /api/users`: adds an account. */
export const addUserRoute = bindCommand('POST /api/users', addUser, { tag });

/** `POST /api/users/:username/disable`: disables an account and ends its sessions. */
export const disableUserRoute = bindCommand('POST /api/users/:username/disable', disableUser, {
  tag,
  params: { username: 'username' },
  status: 200,
});
