/** `legal-hold.list`: holds, newest first; a reason only to roles that may read protection notes. */
import { booleanInput } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { HoldOut } from './schemas.js';

/** Every hold, or the active ones only. */
export const listLegalHolds = defineCommand({
  name: 'legal-hold.list',
  summary: 'Legal holds (active ones only with active=true)',
  input: z.object({ active: booleanInput().optional().describe('only holds not released') }),
  output: z.object({ holds: z.array(HoldOut) }),
  permission: 'retention.read',
  audit: null,
  run: async ({ store }, { active }) => ({
    holds: await store.retention.holds({ active: active === true }),
  }),
});
