/** `candidate.list`: the candidate movements, offered and booked. */
import { candidateCostText } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { CandidateListOut } from './schemas.js';

/** Every candidate by earliest day, with its cost and, once booked, the movement it became. */
export const listCandidates = defineCommand({
  name: 'candidate.list',
  summary: 'Candidate movements by earliest day: offered, or booked by a plan',
  input: z.object({}),
  output: CandidateListOut,
  permission: 'movement.read',
  audit: null,
  run: async ({ store }) => ({
    candidates: (await store.candidates.list()).map((c) => ({ ...c, cost: candidateCostText(c) })),
  }),
});
