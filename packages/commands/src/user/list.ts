/** `user.list`: every account with its role. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { UserOut } from './schemas.js';

/** Every user account (never a hash), by name. */
export const listUsers = defineCommand({
  name: 'user.list',
  summary: 'Every user account with its role',
  input: z.object({}),
  output: z.array(UserOut),
  permission: 'user.manage',
  audit: null,
  run: ({ store }) => store.users.list(),
});
