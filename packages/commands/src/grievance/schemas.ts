/** The shapes of the grievance commands: the log's rows, one grievance with its words and history. */
import {
  can,
  grievanceCategories,
  grievanceChannels,
  grievanceStatuses,
  grievanceUrgencies,
  isOverdue,
  personal,
  type GrievanceStatus,
} from '@corridor/core';
import type { GrievanceSummary, StoredGrievance } from '@corridor/storage';
import { z } from 'zod';
import type { CommandContext } from '../context.js';

const named = (what: string, values: readonly string[]) =>
  `${what} must be one of: ${values.join(', ')}`;

/** How the complaint reached the operation. */
export const ChannelInput = z.enum(grievanceChannels, {
  error: named('channel', grievanceChannels),
});
/** What the complaint is about. */
export const CategoryInput = z.enum(grievanceCategories, {
  error: named('category', grievanceCategories),
});
/** How soon it must be answered; sets the deadline. */
export const UrgencyInput = z.enum(grievanceUrgencies, {
  error: named('urgency', grievanceUrgencies),
});
/** A status of the log. */
export const StatusInput = z.enum(grievanceStatuses, {
  error: named('status', grievanceStatuses),
});

/** A person's words (a complaint, an answer): required, trimmed, not empty. */
export function wordsInput(what: string) {
  const message = `${what} is required and may not be empty`;
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(10_000, `${what} is too long (at most 10,000 characters)`);
}

/** One grievance as the log lists it: no words, and whether it is past its deadline. */
export const GrievanceRow = z.object({
  id: z.string(),
  case: z.string(),
  channel: z.enum(grievanceChannels),
  category: z.enum(grievanceCategories),
  urgency: z.enum(grievanceUrgencies),
  confidential: z.boolean(),
  status: z.enum(grievanceStatuses),
  receivedAt: z.string(),
  dueAt: z
    .string()
    .describe('the response deadline (by urgency: critical 2 days, high 7, normal 14, low 30)'),
  overdue: z.boolean().describe('waiting for an answer (open, acknowledged, escalated) past dueAt'),
  loggedBy: z.string(),
  updatedAt: z.string(),
});
/** A row of the log (the type the web imports). */
export type GrievanceRow = z.infer<typeof GrievanceRow>;

/** One grievance with the complaint's words and its history (who, when, what status, the answer). */
export const GrievanceOut = GrievanceRow.extend({
  text: personal('grievanceText', z.string()),
  history: z.array(
    z.object({
      kind: z.enum(['filed', 'status', 'response']),
      from: z.enum(grievanceStatuses).nullable(),
      to: z.enum(grievanceStatuses),
      text: personal('grievanceText', z.string()),
      actor: z.string(),
      role: z.string(),
      at: z.string(),
    }),
  ),
});
/** One grievance (the type the web imports). */
export type GrievanceOut = z.infer<typeof GrievanceOut>;

/** A stored grievance as a row of the log at `now`. */
export function rowOf(g: GrievanceSummary, now: Date): z.input<typeof GrievanceRow> {
  return {
    id: g.id,
    case: g.householdId,
    channel: g.channel as GrievanceRow['channel'],
    category: g.category as GrievanceRow['category'],
    urgency: g.urgency as GrievanceRow['urgency'],
    confidential: g.confidential,
    status: g.status as GrievanceStatus,
    receivedAt: g.receivedAt,
    dueAt: g.dueAt,
    overdue: isOverdue(g.status as GrievanceStatus, new Date(g.dueAt), now),
    loggedBy: g.createdBy,
    updatedAt: g.updatedAt,
  };
}

/** A stored grievance with its words and history. */
export function grievanceOf(g: StoredGrievance, now: Date): z.input<typeof GrievanceOut> {
  return {
    ...rowOf(g, now),
    text: g.text,
    history: g.history.map((h) => ({
      ...h,
      from: h.from as GrievanceStatus | null,
      to: h.to as GrievanceStatus,
    })),
  };
}

/** True when the actor may see confidential grievances (their existence as much as their words). */
export function seesConfidential(ctx: CommandContext): boolean {
  return can(ctx.actor, 'grievance.readConfidential');
}
