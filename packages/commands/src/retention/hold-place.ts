/** `legal-hold.place`: the retention job skips a person or case under hold; erasure is refused. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { holdSubject, HoldSubjectInput } from './hold-subject.js';
import { HoldOut } from './schemas.js';

/** Places a hold with a reason, sealed under the keys of the persons it concerns; audited. */
export const placeLegalHold = defineCommand({
  name: 'legal-hold.place',
  summary: 'Place a legal hold on a person or case: retention skips them and erasure is refused',
  input: z.object({
    ...HoldSubjectInput,
    reason: z
      .string()
      .trim()
      .min(3, 'must say why, in at least 3 characters')
      .max(2000, 'must be at most 2000 characters'),
  }),
  output: HoldOut,
  permission: 'retention.hold',
  audit: 'legal-hold.place',
  run: ({ store, actor, now }, input) =>
    store.retention.placeHold(
      { ...holdSubject(input, 'legal-hold.place'), reason: input.reason },
      actor,
      now,
    ),
});
