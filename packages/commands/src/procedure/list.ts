/** `procedure.list`: procedures across cases, by state, pending step or documents expiring soon. */
import { addDays, IdSchema, StepNameSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { StandingOut } from './schemas.js';
import { dayOf, standings } from './standing.js';

/** One case's standing with one state, without its notes (a list is read by every role). */
export const ListedOut = StandingOut.omit({ steps: true }).extend({
  expiring: z
    .array(z.object({ step: z.string(), expires: z.string() }))
    .describe('valid documents that expire within the asked days (or already expired)'),
});
export type ListedOut = z.infer<typeof ListedOut>;

/**
 * Lists each case's standing per state. `expiringWithin` keeps the cases whose valid documents
 * expire within that many days of today: the alert that a plan must move them or lose them.
 */
export const listProcedures = defineCommand({
  name: 'procedure.list',
  summary: 'List procedures by state, pending step, or documents expiring within N days',
  input: z.object({
    state: IdSchema.optional().describe('only this destination (host state)'),
    pending: StepNameSchema.optional().describe('only cases for which this step is still pending'),
    expiringWithin: z.coerce
      .number()
      .int()
      .min(0)
      .max(3650)
      .optional()
      .describe('only cases with a valid document expiring within this many days'),
    limit: z.coerce.number().int().min(1).max(100_000).default(1000),
  }),
  output: z.object({
    asOf: z.string(),
    total: z.number().int(),
    procedures: z.array(ListedOut),
  }),
  permission: 'procedure.read',
  audit: null,
  async run({ store, now }, input) {
    const today = dayOf(now);
    const by =
      input.expiringWithin === undefined ? undefined : addDays(today, input.expiringWithin);
    const expiringCases =
      by === undefined
        ? undefined
        : [...new Set((await store.procedures.steps({ expiresBy: by })).map((s) => s.caseId))];
    const all = await standings(store, today, {
      ...(input.state ? { state: input.state } : {}),
      ...(expiringCases ? { caseIds: expiringCases } : {}),
    });
    const rows = all
      .map(({ steps, ...rest }) => ({
        ...rest,
        expiring:
          by === undefined
            ? []
            : steps
                .filter(
                  (s) =>
                    (s.outcome === 'positive' || s.outcome === 'done') &&
                    s.expires != null &&
                    s.expires <= by,
                )
                .map((s) => ({ step: s.step, expires: s.expires! }))
                .sort((a, b) => a.expires.localeCompare(b.expires)),
      }))
      .filter((r) => by === undefined || r.expiring.length > 0)
      .filter((r) => !input.pending || r.pendingSteps.includes(input.pending))
      // Soonest expiry first, so the alert reads in the order cases must be moved.
      .sort(
        (a, b) =>
          (a.expiring[0]?.expires ?? '').localeCompare(b.expiring[0]?.expires ?? '') ||
          a.case.localeCompare(b.case) ||
          a.state.localeCompare(b.state),
      );
    return { asOf: today, total: rows.length, procedures: rows.slice(0, input.limit) };
  },
});
