/** `consent.bases`: every lawful-basis declaration of the operation, oldest first (the latest counts). */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { LawfulBasisOut } from './schemas.js';

/** The declarations, with who, when and the reason (about the operation, never a person). */
export const listBases = defineCommand({
  name: 'consent.bases',
  summary: 'The operation’s lawful-basis declarations per purpose (the latest per purpose counts)',
  input: z.object({}),
  output: z.object({ bases: z.array(LawfulBasisOut) }),
  permission: 'consent.read',
  audit: null,
  run: async ({ store }) => ({ bases: await store.consent.bases() }),
});
