/** Shapes of the negotiation commands: a change of a destination's rules or of a pledge. */
import { z } from 'zod';

/** Why a destination or a pledge changed (quotas are not personal data: kept in the open). */
export const NegotiationReason = z
  .string()
  .trim()
  .min(3, 'say why, in a few words (the history keeps it)')
  .max(500);

/** One change of a destination's rules or of a pledge, as the history keeps it. */
export const PledgeChangeOut = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  kind: z.enum(['destination', 'pledge']),
  destinationId: z.string(),
  periodStart: z.string().nullable(),
  action: z.enum(['added', 'changed', 'removed']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string(),
});

/** What a negotiation write answers: the change recorded, or none when nothing differed. */
export const NegotiationOut = z.object({
  changed: z.boolean(),
  change: PledgeChangeOut.nullable(),
});
