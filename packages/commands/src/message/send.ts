/**
 * `message.send`: writes to households. Inside the command's transaction every household's line is
 * written (queued, or skipped with the reason) with one audit event; once that has committed each
 * queued message is handed to its channel, retried, settled as sent or failed, and logged in the
 * disclosure log (kind `message`).
 */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { configuredChannels, sendWithRetry, type Channel } from './channels.js';
import { countLines, previewLines } from './preview.js';
import { planSend, type PlannedMessage } from './recipients.js';
import { SendInput, SendOut, type MessageLine } from './schemas.js';

/** What the transaction hands to the sending after it: kept in memory only, stripped from the answer. */
interface Outbox {
  outbox?: { id: string; planned: PlannedMessage; basisLabel: string; subject: string | null }[];
}

/** Sends (or with `dryRun` previews) one purpose's message to a movement's households or to cases. */
export const sendMessages = defineCommand({
  name: 'message.send',
  summary: 'Send a message to households by e-mail or SMS (consent checked, each send logged)',
  input: SendInput.extend({
    dryRun: z.boolean().default(false).describe('only say what would be sent; nothing is written'),
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
      })),
      ctx.actor,
      ctx.now,
    );
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
    const out: SendOut & Outbox = {
      purpose: input.purpose,
      movement: plan.movement?.id ?? null,
      dryRun: false,
      batch: stored[0]?.batch ?? null,
      counts: countLines(messages),
      messages,
      outbox: stored.flatMap((s, i) =>
        s.status === 'queued'
          ? [
              {
                id: s.id,
                planned: plan.messages[i]!,
                basisLabel: plan.basisLabel,
                subject: plan.movement?.id ?? s.householdId,
              },
            ]
          : [],
      ),
    };
    return out;
  },
  async afterCommit(ctx, _input, output) {
    const { outbox = [], ...answer } = output as SendOut & Outbox;
    if (outbox.length === 0) return answer;
    const channels = configuredChannels();
    const byId = new Map(answer.messages.map((m) => [m.id, m]));
    for (const item of outbox) {
      const { planned } = item;
      const channel: Channel | undefined = channels[planned.channel!];
      const at = new Date();
      if (!channel) {
        // Configured when planned, gone now: nothing was handed over, so nothing is disclosed.
        const reason = `the ${planned.channel} channel is no longer configured`;
        await ctx.store.messages.settle(item.id, {
          status: 'failed',
          attempts: 0,
          reason,
          at,
          disclosureId: null,
        });
        Object.assign(byId.get(item.id)!, { status: 'failed', reason });
        continue;
      }
      const result = await sendWithRetry(channel, {
        to: planned.to!,
        subject: planned.rendered!.subject,
        text: planned.rendered!.text,
        language: planned.language!,
        reference: item.id,
      });
      const done = new Date();
      await ctx.store.atomically(async (store) => {
        const disclosureId = await store.consent.logDisclosure(
          {
            kind: 'message',
            format: planned.channel,
            recipient: channel.recipient,
            subject: item.subject,
            purpose: item.basisLabel,
            persons: planned.members.map((personId) => ({
              personId,
              householdId: planned.householdId,
            })),
          },
          ctx.actor,
          done,
        );
        await store.messages.settle(item.id, {
          status: result.ok ? 'sent' : 'failed',
          attempts: result.attempts,
          reason: result.reason,
          at: done,
          disclosureId,
        });
      });
      const line = byId.get(item.id)!;
      Object.assign(line, {
        status: result.ok ? 'sent' : 'failed',
        attempts: result.attempts,
        reason: result.reason,
      });
    }
    return { ...answer, counts: countLines(answer.messages) };
  },
});
