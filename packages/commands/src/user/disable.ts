/** `user.disable`: disables an account and ends its sessions. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { UsernameSchema } from './credentials.js';
import { UserOut } from './schemas.js';

/** Disables an account; its sessions end at once. */
export const disableUser = defineCommand({
  name: 'user.disable',
  summary: 'Disable a user; their sessions end at once',
  input: z.object({ username: UsernameSchema }),
  output: UserOut,
  permission: 'user.manage',
  audit: 'user.disable',
  run: ({ store, actor }, { username }) => store.users.disable(username, actor),
});
