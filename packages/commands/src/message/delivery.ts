/**
 * Delivery of queued messages: a worker claims one line at a time (`queued` → `sending`, under a
 * row lock that other workers skip), renders it again, hands it to its channel with retries, and
 * settles it as sent or failed with its disclosure-log line, in one transaction. A line whose
 * worker died stays `sending` until its claim is older than the lease; then any worker takes it.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { ClaimedMessage } from '@corridor/storage';
import type { CommandContext } from '../context.js';
import { configuredChannels, sendWithRetry, type Channel } from './channels.js';
import { contentCache, contentOf, type ContentCache } from './content.js';

/**
 * How long a claimed line is its worker's: `CORRIDOR_MESSAGE_LEASE_MS` (1 s at least), else two
 * minutes — longer than the slowest send (3 attempts of 10 s and the waits between), so that a
 * line is taken over only from a worker that died.
 */
export function deliveryLeaseMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.CORRIDOR_MESSAGE_LEASE_MS);
  return Number.isFinite(ms) && ms >= 1000 ? ms : 2 * 60_000;
}

/** The actor a delivery job is queued as: the server's own, for the sends it finishes. */
export const deliveryActor = { name: 'system:message-delivery', role: 'admin' } as const;

/** The job kind of a delivery. */
export const deliveryJobKind = 'message-delivery';

/** A worker's name: unique per process and run, recorded on the lines it claims. */
export function deliveryWorker(via: string): string {
  return `${via}:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** What became of one line. */
export interface Delivered {
  id: string;
  status: 'sent' | 'failed' | 'skipped';
  attempts: number;
  reason: string | null;
}

/** One delivery run: who, which batch (or every queued line), and how it reports. */
export interface DeliveryRun {
  worker: string;
  batch?: string;
  leaseMs?: number;
  /** Called after each line, with the lines done so far. */
  onLine?: (done: readonly Delivered[]) => Promise<void> | void;
  /** Stops between lines (a cancel, a stopping server): lines not claimed stay queued. */
  signal?: AbortSignal;
}

async function deliverOne(
  ctx: CommandContext,
  channels: Partial<Record<string, Channel>>,
  line: ClaimedMessage,
  worker: string,
  cache: ContentCache,
): Promise<Delivered> {
  const channel = line.channel ? channels[line.channel] : undefined;
  const content = channel ? await contentOf(ctx, line, cache) : undefined;
  if (!channel || !content || 'reason' in content) {
    // Nothing was handed over, so nothing is disclosed.
    const skipped = Boolean(content && 'reason' in content);
    const reason =
      content && 'reason' in content
        ? content.reason
        : `the ${line.channel} channel is no longer configured`;
    const status = skipped ? 'skipped' : 'failed';
    await ctx.store.messages.settle(line.id, worker, {
      status,
      attempts: line.attempts,
      reason,
      at: new Date(),
      disclosureId: null,
    });
    return { id: line.id, status, attempts: line.attempts, reason };
  }
  const result = await sendWithRetry(channel, {
    to: content.to,
    subject: content.rendered.subject,
    text: content.rendered.text,
    language: line.language!,
    reference: line.id,
  });
  const done = new Date();
  const status = result.ok ? 'sent' : 'failed';
  await ctx.store.atomically(async (store) => {
    const disclosureId = await store.consent.logDisclosure(
      {
        kind: 'message',
        format: line.channel!,
        recipient: channel.recipient,
        subject: content.subject,
        purpose: content.basisLabel,
        persons: content.members.map((personId) => ({ personId, householdId: line.householdId })),
      },
      ctx.actor,
      done,
    );
    await store.messages.settle(line.id, worker, {
      status,
      attempts: result.attempts,
      reason: result.reason,
      at: done,
      disclosureId,
    });
  });
  return { id: line.id, status, attempts: result.attempts, reason: result.reason };
}

/** Delivers the claimable lines (of `run.batch`, or all) one at a time until none is left. */
export async function deliverQueued(ctx: CommandContext, run: DeliveryRun): Promise<Delivered[]> {
  const channels = configuredChannels();
  const cache = contentCache();
  const lease = run.leaseMs ?? deliveryLeaseMs();
  const out: Delivered[] = [];
  while (!run.signal?.aborted) {
    const at = new Date();
    const line = await ctx.store.messages.claimNext({
      worker: run.worker,
      at,
      staleBefore: new Date(at.getTime() - lease),
      ...(run.batch ? { batch: run.batch } : {}),
    });
    if (!line) break;
    out.push(await deliverOne(ctx, channels, line, run.worker, cache));
    await run.onLine?.(out);
  }
  return out;
}

/** Counts of a delivery run. */
export function deliveredCounts(lines: readonly Delivered[]) {
  const n = (s: Delivered['status']) => lines.filter((l) => l.status === s).length;
  return { sent: n('sent'), failed: n('failed'), skipped: n('skipped') };
}
