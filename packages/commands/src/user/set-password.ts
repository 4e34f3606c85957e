/** `user.setPassword`: an administrator sets another account's password; its sessions end. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkNewPassword, UsernameSchema } from './credentials.js';
import { hashPassword } from './passwords.js';

/**
 * Sets `username`'s password (checked like a new one: long enough, not a common or breached one)
 * and ends every session of that account. A user changes their own with `POST /api/me/password`.
 */
export const setUserPassword = defineCommand({
  name: 'user.setPassword',
  summary: "Set a user's password; their sessions end",
  input: z.object({ username: UsernameSchema, password: z.string().max(1000) }),
  output: z.object({ username: z.string(), sessionsEnded: z.number().int() }),
  permission: 'user.manage',
  audit: 'user.password',
  async run({ store, actor }, { username, password }) {
    checkNewPassword(password, 'the new password');
    const { sessionsEnded } = await store.users.setPassword(
      username,
      await hashPassword(password),
      actor,
    );
    return { username, sessionsEnded };
  },
});
