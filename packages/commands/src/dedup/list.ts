/** `dedup.list`: the duplicates review queue. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { PairOut, PairStatus } from './schemas.js';

/** Pairs of persons that may be one person, optionally of one status; notes redacted by role. */
export const listDuplicates = defineCommand({
  name: 'dedup.list',
  summary: 'Pairs of persons that may be one person, with the rule that matched',
  input: z.object({ status: PairStatus.optional() }),
  output: z.array(PairOut),
  permission: 'registry.readDuplicates',
  audit: null,
  run: ({ store }, { status }) => store.registry.duplicates(status),
});
