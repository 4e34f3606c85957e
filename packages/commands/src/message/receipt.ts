/**
 * `message.receipt`: what the channel says became of a sent message — `delivered`, or
 * `undelivered` with its reason. The SMS gateway calls it back (`POST /api/messages/receipts/sms`,
 * with the channel's receipt secret); people may record one by hand. Idempotent: the same receipt
 * again changes nothing.
 */
import { messageReceiptStatuses } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { scrubContacts } from './channels.js';

/** A message id as the channels carry it (`reference`, `X-Corridor-Message`). */
export const MessageIdSchema = z
  .string()
  .regex(/^MS-[0-9a-f-]{36}$/, 'must be a message id (MS-…)');

/** Records a delivery receipt of a sent message. */
export const recordReceipt = defineCommand({
  name: 'message.receipt',
  summary: 'Record a delivery receipt: a sent message delivered, or undelivered with the reason',
  input: z.object({
    id: MessageIdSchema,
    status: z.enum(messageReceiptStatuses, {
      error: () => `must be one of ${messageReceiptStatuses.join(', ')}`,
    }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .optional()
      .describe('why it was not delivered (any address or number in it is taken out)'),
  }),
  output: z.object({
    id: z.string(),
    case: z.string(),
    channel: z.string().nullable(),
    status: z.string(),
    reason: z.string().nullable(),
    receiptAt: z.string().nullable(),
    changed: z.boolean().describe('false when the message already had this receipt'),
  }),
  permission: 'message.send',
  audit: 'message.receipt',
  async run(ctx, input) {
    const { message, changed } = await ctx.store.messages.receipt(
      input.id,
      {
        status: input.status,
        reason:
          input.status === 'undelivered'
            ? scrubContacts(input.reason ?? 'the channel reported it undelivered')
            : null,
        at: ctx.now,
      },
      ctx.actor,
    );
    return {
      id: message.id,
      case: message.householdId,
      channel: message.channel,
      status: message.status,
      reason: message.reason,
      receiptAt: message.receiptAt,
      changed,
    };
  },
});
