/** User accounts over HTTP: list, add (argon2id hash), disable (ends their sessions). */
import { addUser, disableUser, listUsers, setUserPassword } from '@corridor/commands';
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

/** `POST /api/users/:username/password`: sets an account's password; its sessions end. */
export const setUserPasswordRoute = bindCommand(
  'POST /api/users/:username/password',
  setUserPassword,
  {
    tag,
    params: { username: 'username' },
    status: 200,
    description:
      'Like `corridor user password NAME --password-stdin`. The password is checked as a new one ' +
      '(12 characters, not on the list of common and breached passwords). Users change their ' +
      'own with POST /api/me/password.',
  },
);
