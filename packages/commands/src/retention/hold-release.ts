/** `legal-hold.release`: the person or case is again subject to retention (and erasure). */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { holdSubject, HoldSubjectInput } from './hold-subject.js';
import { HoldOut } from './schemas.js';

/** Releases the active hold on a person or case; audited. */
export const releaseLegalHold = defineCommand({
  name: 'legal-hold.release',
  summary: 'Release the legal hold on a person or case',
  input: z.object(HoldSubjectInput),
  output: HoldOut,
  permission: 'retention.hold',
  audit: 'legal-hold.release',
  run: ({ store, actor, now }, input) =>
    store.retention.releaseHold(holdSubject(input, 'legal-hold.release'), actor, now),
});
