/** User accounts: list, add (argon2id hash), disable (ends their sessions). */
import { roles } from '@corridor/core';
import { z } from 'zod';
import { NewPasswordSchema, UsernameSchema } from '../auth/credentials.js';
import { hashPassword } from '../auth/passwords.js';
import { defineRoute } from '../route.js';

const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** `GET /api/users`: every account (never a hash). */
export const listUsersRoute = defineRoute('GET /api/users', {
  tag: 'users',
  summary: 'Every user account with its role',
  response: z.array(UserSchema),
  handler: ({ store }) => store.users.list(),
});

/** `POST /api/users`: adds an account. */
export const addUserRoute = defineRoute('POST /api/users', {
  tag: 'users',
  summary: 'Add a user with a role and a password (stored as an argon2id hash)',
  body: z.object({ username: UsernameSchema, role: z.enum(roles), password: NewPasswordSchema }),
  response: UserSchema,
  status: 201,
  handler: async ({ body, store, actor }) =>
    store.users.add(
      { username: body.username, role: body.role, passwordHash: await hashPassword(body.password) },
      actor,
    ),
});

/** `POST /api/users/:username/disable`: disables an account and ends its sessions. */
export const disableUserRoute = defineRoute('POST /api/users/:username/disable', {
  tag: 'users',
  summary: 'Disable a user; their sessions end at once',
  params: z.object({ username: UsernameSchema }),
  response: UserSchema,
  handler: ({ params, store, actor }) => store.users.disable(params.username, actor),
});
