/**
 * `message.deliver`: the delivery job. Hands the queued messages (of one send, or every one left
 * over by a process that stopped) to their channels; queued by `message.send`, by the server's
 * sweep of stale lines, or by hand. Over HTTP it is a job (pg-boss on PostgreSQL, the in-process
 * runner embedded); inline from the CLI.
 */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { deliveredCounts, deliverQueued, deliveryJobKind, deliveryWorker } from './delivery.js';

/** One delivered line as answered. */
const DeliveredLine = z.object({
  id: z.string(),
  status: z.enum(['sent', 'failed', 'skipped']),
  attempts: z.number().int(),
  reason: z.string().nullable(),
});

/** A delivery run's answer. */
export const DeliverOut = z.object({
  batch: z.string().nullable().describe('the send delivered, or null for every queued line'),
  counts: z.object({ sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
  messages: z.array(DeliveredLine),
});

/** Delivers queued messages: claimed one by one (never by two workers), retried, logged. */
export const deliverMessages = defineCommand({
  name: 'message.deliver',
  summary: 'Deliver queued messages (one send, or all left over), each claimed by one worker only',
  input: z.object({
    batch: IdSchema.optional().describe('only this send (its batch id); default every queued line'),
  }),
  output: DeliverOut,
  permission: 'message.send',
  audit: 'message.deliver',
  job: { kind: deliveryJobKind, scheduled: true },
  async run(ctx, input) {
    const { control } = ctx;
    control?.progress({ phase: 'sending', fraction: 0, message: 'claiming queued messages' });
    const lines = await deliverQueued(ctx, {
      worker: deliveryWorker(ctx.actor.via),
      ...(input.batch ? { batch: input.batch } : {}),
      ...(control?.signal ? { signal: control.signal } : {}),
      onLine: (done) =>
        control?.progress({
          phase: 'sending',
          fraction: 0.5,
          message: `${done.length} message(s) handed over`,
        }),
    });
    const counts = deliveredCounts(lines);
    await ctx.store.messages.logDelivery({ batch: input.batch ?? null, ...counts }, ctx.actor);
    control?.progress({ phase: 'sending', fraction: 1, message: 'done' });
    return { batch: input.batch ?? null, counts, messages: lines };
  },
});
