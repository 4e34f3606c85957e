/** Shapes shared by the message commands: a template as shown, a message line, a send's answer. */
import {
  CaseStatusSchema,
  IdSchema,
  MessageChannelSchema,
  MessagePurposeSchema,
  MessageTemplateSchema,
  messageStatuses,
} from '@corridor/core';
import { z } from 'zod';

/** A template as listed. */
export const TemplateOut = MessageTemplateSchema.extend({
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type TemplateOut = z.infer<typeof TemplateOut>;

/** What a send or a preview is given: a purpose, the households (a movement or cases), the facts. */
export const SendInput = z.object({
  purpose: MessagePurposeSchema,
  movementId: IdSchema.optional().describe('the movement: its booked households and its facts'),
  caseIds: z
    .array(IdSchema)
    .min(1)
    .max(5000)
    .optional()
    .describe('only these cases (of the movement, when one is named)'),
  caseStatus: CaseStatusSchema.optional().describe(
    'without a movement or cases: every case in this status',
  ),
  destinationId: IdSchema.optional().describe(
    'without a movement or cases: every case the current allocation sends there',
  ),
  facts: z
    .record(z.string(), z.string().trim().min(1).max(200))
    .default({})
    .describe(
      'facts the templates use that the registry does not hold, e.g. {"checkinPlace": "Gate 3"}',
    ),
  channel: MessageChannelSchema.optional().describe(
    'only this channel (default: e-mail, else SMS)',
  ),
  again: z.boolean().default(false).describe('also households already sent this message'),
});

/** One household's message: its status, or why it is skipped; no address, no name. */
export const MessageLine = z.object({
  id: z.string().nullable().describe('the message id; null in a preview or a dry run'),
  case: z.string(),
  personId: z.string().nullable().describe('the member written to'),
  language: z.string().nullable(),
  channel: MessageChannelSchema.nullable(),
  status: z.enum([...messageStatuses, 'would-send']),
  reason: z.string().nullable().describe('why it was skipped or failed'),
  attempts: z.number().int(),
  subject: z.string().nullable().describe('the rendered subject (previews and dry runs)'),
  text: z.string().nullable().describe('the rendered text (previews and dry runs)'),
});
export type MessageLine = z.infer<typeof MessageLine>;

/** A send's or a preview's answer. */
export const SendOut = z.object({
  purpose: MessagePurposeSchema,
  movement: z.string().nullable(),
  dryRun: z.boolean(),
  batch: z.string().nullable(),
  job: z
    .string()
    .nullable()
    .describe('the delivery job of the queued messages (null when none was queued)'),
  counts: z.object({
    households: z.number().int(),
    sent: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    wouldSend: z.number().int(),
    queued: z.number().int().describe('queued or being sent: the delivery job sends them'),
  }),
  messages: z.array(MessageLine),
});
export type SendOut = z.infer<typeof SendOut>;
