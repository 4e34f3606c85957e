/** `custody.verify`: recomputes every custody chain and its anchors in the audit log. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { CustodyVerdictOut } from './schemas.js';

/** Checks every chain; names each edited, removed or inserted event. */
export const verifyCustody = defineCommand({
  name: 'custody.verify',
  summary: 'Check every custody chain; names each edited, removed or inserted event',
  input: z.object({}),
  output: CustodyVerdictOut,
  permission: 'custody.verify',
  audit: null,
  run: ({ store }) => store.custody.verify(),
});
