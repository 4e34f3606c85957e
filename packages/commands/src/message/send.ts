/**
 * `message.send`: writes to households. Inside the command's transaction every household's line is
 * written (queued, or skipped with the reason) with one audit event, and a delivery job for the
 * queued ones: once that has committed, nothing is lost if the process stops. By default the
 * sender then delivers its own lines (as the job's worker, with progress) and answers how each
 * went; with `wait: false` it answers at once and the job runner delivers them.
 */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { configuredChannels } from './channels.js';
import {
  deliverQueued,
  deliveredCounts,
  deliveryActor,
  deliveryJobKind,
  deliveryWorker,
} from './delivery.js';
import { countLines, previewLines } from './preview.js';
import { planSend } from './recipients.js';
import { SendInput, SendOut, type MessageLine } from './schemas.js';

/** Sends (or with `dryRun` previews) one purpose's message to a movement's households or to cases. */
export const sendMessages = defineCommand({
  name: 'message.send',
  summary: 'Send a message to households by e-mail or SMS (consent checked, each send logged)',
  input: SendInput.extend({
    dryRun: z.boolean().default(false).describe('only say what would be sent; nothing is written'),
    wait: z
      .boolean()
      .default(true)
      .describe(
        'deliver now and answer how each message went (default); false: answer at once, the delivery job sends them',
      ),
  }),
  output: SendOut,
  permission: 'message.send',
  audit: 'message.send',
  async run(ctx, input) {
    const plan = await planSend(ctx, input, configuredChannels());
    if (input.dryRun) {
      const messages = previewLines(plan);
      return {
        purpose: input.purpose,
        movement: plan.movement?.id ?? null,
        dryRun: true,
        batch: null,
        job: null,
        counts: countLines(messages),
        messages,
      };
    }
    const stored = await ctx.store.messages.queue(
      plan.messages.map((m) => ({
        householdId: m.householdId,
        personId: m.personId,
        movementId: plan.movement?.id ?? null,
        purpose: input.purpose,
        language: m.language,
        channel: m.channel,
        status: m.reason ? 'skipped' : 'queued',
        reason: m.reason,
        facts: input.facts,
      })),
      ctx.actor,
      ctx.now,
    );
    const batch = stored[0]?.batch ?? null;
    // The delivery job is recorded with the lines: a crash after the commit leaves both, and any
    // runner (or the next start) delivers them.
    const job =
      batch && stored.some((s) => s.status === 'queued')
        ? await ctx.store.jobs.create({ kind: deliveryJobKind, params: { batch } }, deliveryActor)
        : undefined;
    const messages: MessageLine[] = stored.map((s) => ({
      id: s.id,
      case: s.householdId,
      personId: s.personId,
      language: s.language,
      channel: s.channel,
      status: s.status,
      reason: s.reason,
      attempts: 0,
      subject: null,
      text: null,
    }));
    return {
      purpose: input.purpose,
      movement: plan.movement?.id ?? null,
      dryRun: false,
      batch,
      job: job?.id ?? null,
      counts: countLines(messages),
      messages,
    };
  },
  async afterCommit(ctx, input, answer) {
    const { job, batch } = answer;
    if (!job || !batch) return answer;
    if (!input.wait) {
      await ctx.jobs?.wake(job);
      return answer;
    }
    // The sender is the job's worker: it claims the job, so a runner leaves it alone, and beats
    // its heartbeat per message, so a runner takes it over only if this process stops.
    const worker = deliveryWorker(ctx.actor.via);
    const claimed = await ctx.store.jobs.claim(job, worker, new Date());
    const queued = answer.messages.filter((m) => m.status === 'queued').length;
    const control = ctx.control;
    const lines = await deliverQueued(ctx, {
      worker,
      batch,
      onLine: async (done) => {
        const progress = {
          phase: 'sending',
          fraction: Math.min(1, done.length / Math.max(1, queued)),
          message: `${done.length} of ${queued} message(s) handed over`,
        };
        control?.progress(progress);
        if (claimed) await ctx.store.jobs.heartbeat(job, worker, new Date(), progress);
      },
    });
    if (claimed)
      await ctx.store.jobs.finish(
        job,
        worker,
        { status: 'succeeded', result: { batch, counts: deliveredCounts(lines), messages: lines } },
        new Date(),
      );
    // The batch as it stands: lines another worker took over show as that worker left them.
    const now = new Map(
      (await ctx.store.messages.list({ batch, limit: answer.messages.length })).map((m) => [
        m.id,
        m,
      ]),
    );
    const messages = answer.messages.map((m) => {
      const s = m.id ? now.get(m.id) : undefined;
      return s ? { ...m, status: s.status, attempts: s.attempts, reason: s.reason } : m;
    });
    return { ...answer, counts: countLines(messages), messages };
  },
});
