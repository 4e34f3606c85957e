/** `user.add`: a new account with a role and a password (stored as an argon2id hash). */
import { roles } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { NewPasswordSchema, UsernameSchema } from './credentials.js';
import { hashPassword } from './passwords.js';
import { UserOut } from './schemas.js';

/** Adds an account; `role` is the new account's role, the actor's own is checked by the policy. */
export const addUser = defineCommand({
  name: 'user.add',
  summary: 'Add a user with a role and a password (stored as an argon2id hash)',
  input: z.object({ username: UsernameSchema, role: z.enum(roles), password: NewPasswordSchema }),
  output: UserOut,
  permission: 'user.manage',
  audit: 'user.add',
  async run({ store, actor }, { username, role, password }) {
    const passwordHash = await hashPassword(password);
    return store.users.add({ username, role, passwordHash }, actor);
  },
});
