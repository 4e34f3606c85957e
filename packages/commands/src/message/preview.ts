/** `message.preview`: what a send would do, household by household, rendered; nothing is sent. */
import { defineCommand } from '../define.js';
import { configuredChannels } from './channels.js';
import { planSend, type SendPlan } from './recipients.js';
import { SendInput, SendOut, type MessageLine } from './schemas.js';

/** Counts of a send's lines. */
export function countLines(lines: readonly MessageLine[]): SendOut['counts'] {
  const n = (s: MessageLine['status']) => lines.filter((l) => l.status === s).length;
  return {
    households: lines.length,
    // Handed to the channel: `delivered` and `undelivered` are receipts of sent messages.
    sent: n('sent') + n('delivered') + n('undelivered'),
    failed: n('failed'),
    skipped: n('skipped'),
    wouldSend: n('would-send'),
    queued: n('queued') + n('sending'),
  };
}

/** A plan as preview lines: who would be written to, in which language, by which channel, what. */
export function previewLines(plan: SendPlan): MessageLine[] {
  return plan.messages.map((m) => ({
    id: null,
    case: m.householdId,
    personId: m.personId,
    language: m.language,
    channel: m.channel,
    status: m.reason ? 'skipped' : 'would-send',
    reason: m.reason,
    attempts: 0,
    subject: m.rendered?.subject ?? null,
    text: m.rendered?.text ?? null,
  }));
}

/** Renders each household's message and says who would be skipped and why; writes nothing. */
export const previewMessages = defineCommand({
  name: 'message.preview',
  summary: 'Preview a message: per household the language, channel and text, or why it is skipped',
  input: SendInput,
  output: SendOut,
  permission: 'message.read',
  audit: null,
  async run(ctx, input) {
    const plan = await planSend(ctx, input, configuredChannels());
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
  },
});
