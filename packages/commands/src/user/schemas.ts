/** A user account as the user commands answer it (never a password hash). */
import { roles } from '@corridor/core';
import { z } from 'zod';

/** One account. */
export const UserOut = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(roles),
  disabled: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
/** One account (the type the web imports). */
export type UserOut = z.infer<typeof UserOut>;
