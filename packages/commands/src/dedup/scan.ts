/** `dedup.scan`: runs the duplicate rules and queues new pairs for review. */
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Same document number; similar name with the same birth year and household size. */
export const scanDuplicates = defineCommand({
  name: 'dedup.scan',
  summary: 'Run the duplicate rules (same document; similar name, birth year, household size)',
  input: z.object({}),
  output: z.object({ added: z.number().int() }),
  permission: 'registry.scanDuplicates',
  audit: 'dedup.scan',
  run: async ({ store, actor }) => ({ added: await store.registry.scanDuplicates(actor) }),
});
