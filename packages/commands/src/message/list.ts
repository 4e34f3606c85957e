/** `message.list`: the message log — per message its case, member, channel, status and reason. */
import { IdSchema, MessagePurposeSchema, messageStatuses } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** One logged message: ids, language, channel, status, attempts, reason; never an address. */
export const LoggedMessage = z.object({
  id: z.string(),
  batch: z.string(),
  case: z.string(),
  personId: z.string().nullable(),
  movement: z.string().nullable(),
  purpose: MessagePurposeSchema,
  language: z.string().nullable(),
  channel: z.string().nullable(),
  status: z.enum(messageStatuses),
  reason: z.string().nullable(),
  attempts: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  sentAt: z.string().nullable(),
  disclosureId: z.string().nullable(),
  receiptAt: z.string().nullable().describe('when the channel reported it delivered or not (SMS)'),
});

/** Lists messages, newest first, by movement, case, purpose, status or batch. */
export const listMessages = defineCommand({
  name: 'message.list',
  summary: 'The message log: per message the case, channel, status, attempts and reason',
  input: z.object({
    movementId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    purpose: MessagePurposeSchema.optional(),
    status: z.enum(messageStatuses).optional(),
    batch: IdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(200),
  }),
  output: z.object({ messages: z.array(LoggedMessage) }),
  permission: 'message.read',
  audit: null,
  async run({ store }, input) {
    const rows = await store.messages.list({
      ...(input.movementId ? { movementId: input.movementId } : {}),
      ...(input.caseId ? { householdId: input.caseId } : {}),
      ...(input.purpose ? { purpose: input.purpose } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.batch ? { batch: input.batch } : {}),
      limit: input.limit,
    });
    return {
      messages: rows.map(({ householdId, movementId, ...r }) => ({
        ...r,
        case: householdId,
        movement: movementId,
      })),
    };
  },
});
