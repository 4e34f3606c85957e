/** `disclosure.list`: what personal data left the system, when, by whom and to whom. */
import { disclosureKinds, IdSchema, IsoDateSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** One line of the disclosure log as interfaces show it (ids and counts; no personal data). */
export const DisclosureOut = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  kind: z.enum(disclosureKinds),
  format: z.string().nullable(),
  recipient: z.string(),
  subject: z.string().nullable(),
  purpose: z.string().nullable(),
  persons: z.number().int(),
  personIds: z.array(z.string()),
});
export type DisclosureOut = z.infer<typeof DisclosureOut>;

/** The log newest first, filtered by case, person, kind and date range. */
export const listDisclosures = defineCommand({
  name: 'disclosure.list',
  summary:
    'The disclosure log: every manifest, PAXLST, export and webhook that carried personal data',
  input: z.object({
    caseId: IdSchema.optional().describe('only disclosures carrying members of this case'),
    personId: IdSchema.optional().describe('only disclosures carrying this person'),
    kind: z.enum(disclosureKinds).optional(),
    from: IsoDateSchema.optional().describe('from this day (YYYY-MM-DD, inclusive)'),
    to: IsoDateSchema.optional().describe('up to this day (YYYY-MM-DD, inclusive)'),
    limit: z
      .union([
        z.number().int(),
        z
          .string()
          .regex(/^\d{1,6}$/)
          .transform(Number),
      ])
      .refine((n) => n >= 1 && n <= 10_000, { message: 'must be from 1 to 10000' })
      .default(500),
  }),
  output: z.object({ disclosures: z.array(DisclosureOut) }),
  permission: 'disclosure.read',
  audit: null,
  async run(ctx, input) {
    const dayAfter = (d: string) =>
      new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString();
    const disclosures = await ctx.store.consent.disclosures({
      ...(input.caseId ? { householdId: input.caseId } : {}),
      ...(input.personId ? { personId: input.personId } : {}),
      ...(input.kind ? { kind: input.kind } : {}),
      ...(input.from ? { from: `${input.from}T00:00:00Z` } : {}),
      ...(input.to ? { to: dayAfter(input.to) } : {}),
      limit: input.limit,
    });
    return { disclosures };
  },
});
