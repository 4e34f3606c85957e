/**
 * `corridor message template add|list`, `contact`, `preview`, `send`, `list`: messages to
 * households (issue 23 item 1) by e-mail or SMS, in the household's language, with consent.
 */
import {
  addMessageTemplate,
  deliverMessages,
  listMessages,
  listMessageTemplates,
  previewMessages,
  recordReceipt,
  sendMessages,
  setContact,
  type CommandOutput,
  type MessageTemplateOut,
  type SendOut,
} from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const dash = (v: string | number | null | undefined) => (v === null || v === undefined ? '-' : v);

/** `--fact name=value` options as the facts object. */
function factsOf(pairs: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (pairs as string[] | undefined) ?? []) {
    const at = pair.indexOf('=');
    if (at < 1)
      throw errors.invalidInput(`invalid input at facts: --fact ${pair} is not name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

/** The input of a send or a preview from the options. */
function sendInput(o: Record<string, unknown>) {
  const cases = (o.case as string[] | undefined) ?? [];
  return {
    purpose: o.purpose,
    ...(o.movement === undefined ? {} : { movementId: o.movement }),
    ...(cases.length > 0 ? { caseIds: cases.flatMap((c) => c.split(',')) } : {}),
    ...(o.status === undefined ? {} : { caseStatus: o.status }),
    ...(o.destination === undefined ? {} : { destinationId: o.destination }),
    facts: factsOf(o.fact),
    ...(o.channel === undefined ? {} : { channel: o.channel }),
    again: o.again === true,
  };
}

const sendText = (r: SendOut) =>
  `${r.dryRun ? 'would send' : 'sent'} ${r.purpose}${r.movement ? ` for ${r.movement}` : ''}: ` +
  `${r.dryRun ? `${r.counts.wouldSend} to send` : `${r.counts.sent} sent, ${r.counts.failed} failed`}, ` +
  (r.counts.queued > 0 ? `${r.counts.queued} queued (job ${r.job ?? '-'}), ` : '') +
  `${r.counts.skipped} skipped of ${r.counts.households} household(s)\n` +
  table(
    ['case', 'person', 'language', 'channel', 'status', 'tries', 'reason'],
    r.messages.map((m) => [
      m.case,
      dash(m.personId),
      dash(m.language),
      dash(m.channel),
      m.status,
      m.attempts,
      m.reason ?? '',
    ]),
  ) +
  (r.dryRun
    ? r.messages
        .filter((m) => m.text)
        .map((m) => `\n\n${m.case} (${m.language}): ${m.subject}\n${m.text}`)
        .join('')
    : '');

/** The options a send and a preview share. */
function sendOptions(cli: Command): Command {
  return cli
    .requiredOption(
      '--purpose <purpose>',
      'checkin-call, movement-changed, documents-needed or appointment',
    )
    .option('--movement <id>', 'the movement: its booked households and its facts')
    .option('--case <ids>', 'only these cases (repeat or separate by commas)', collect, [])
    .option('--status <status>', 'without --movement or --case: every case in this status')
    .option('--destination <id>', 'without --movement or --case: every case allocated there')
    .option(
      '--fact <name=value>',
      'a fact the templates use, e.g. checkinPlace="Gate 3" (repeat)',
      collect,
      [],
    )
    .option('--channel <channel>', 'only email or only sms (default: e-mail, else SMS)')
    .option('--again', 'also households already sent this message')
    .option('--json', 'print JSON');
}

/** Registers `corridor message`. */
export function registerMessage(program: Command): void {
  const message = program
    .command('message')
    .description('messages to households by e-mail or SMS, in their language, with their consent');
  const template = message.command('template').description('message templates (ICU MessageFormat)');
  bindCli<MessageTemplateOut>(
    template
      .command('add')
      .description('save the template of a purpose in one language (replaces the one there)')
      .requiredOption(
        '--purpose <purpose>',
        'checkin-call, movement-changed, documents-needed or appointment',
      )
      .requiredOption('--language <code>', 'ISO 639 code, e.g. ar')
      .requiredOption('--subject <text>', 'e-mail subject, ICU MessageFormat')
      .requiredOption(
        '--body <text>',
        'the text, ICU MessageFormat, e.g. "Be at {checkinPlace} on {departDate}"',
      )
      .option('--json', 'print JSON'),
    addMessageTemplate,
    (_a, o) => ({ purpose: o.purpose, language: o.language, subject: o.subject, body: o.body }),
    (t) => `template ${t.purpose}/${t.language} saved`,
  );
  bindCli<CommandOutput<typeof listMessageTemplates>>(
    template
      .command('list')
      .description('the templates, and the variables each purpose may use')
      .option('--purpose <purpose>', 'one purpose only')
      .option('--json', 'print JSON'),
    listMessageTemplates,
    (_a, o) => (o.purpose === undefined ? {} : { purpose: o.purpose }),
    (r) =>
      table(
        ['purpose', 'language', 'subject', 'body'],
        r.templates.map((t) => [t.purpose, t.language, t.subject, t.body]),
      ) +
      '\n\n' +
      Object.entries(r.variables)
        .map(([p, vs]) => `${p}: ${vs.map((v) => `{${v}}`).join(' ')}`)
        .join('\n'),
  );
  bindCli<CommandOutput<typeof setContact>>(
    message
      .command('contact')
      .description("set a person's e-mail address or phone number (sealed under their key)")
      .requiredOption('--person <id>', 'the person')
      .option('--email <address>', 'e-mail address')
      .option('--phone <number>', 'phone number, e.g. "+964 770 123 4567"')
      .option('--remove-email', 'remove the e-mail address')
      .option('--remove-phone', 'remove the phone number')
      .option('--json', 'print JSON'),
    setContact,
    (_a, o) => ({
      personId: o.person,
      ...(o.removeEmail ? { email: null } : o.email === undefined ? {} : { email: o.email }),
      ...(o.removePhone ? { phone: null } : o.phone === undefined ? {} : { phone: o.phone }),
    }),
    (r) =>
      r.changed.length > 0
        ? `${r.personId} (${r.case}): ${r.changed.join(' and ')} set`
        : `${r.personId} (${r.case}): unchanged`,
  );
  bindCli<SendOut>(
    sendOptions(
      message
        .command('preview')
        .description(
          'what a send would do: per household the language, channel and text, or why skipped',
        ),
    ),
    previewMessages,
    (_a, o) => sendInput(o),
    sendText,
  );
  bindCli<SendOut>(
    sendOptions(
      message
        .command('send')
        .description(
          'send a message to households (consent checked; every send in the disclosure log)',
        )
        .option('--dry-run', 'only say what would be sent; nothing is written or sent')
        .option(
          '--no-wait',
          'answer once the messages are queued; the delivery job (or `message deliver`) sends them',
        ),
    ),
    sendMessages,
    (_a, o) => ({ ...sendInput(o), dryRun: o.dryRun === true, wait: o.wait !== false }),
    sendText,
    { progress: 'sending' },
  );
  bindCli<CommandOutput<typeof deliverMessages>>(
    message
      .command('deliver')
      .description(
        'deliver the queued messages (of one send, or all left over by a process that stopped)',
      )
      .option('--batch <id>', 'only this send (the batch id `message send` answered)')
      .option('--json', 'print JSON'),
    deliverMessages,
    (_a, o) => (o.batch === undefined ? {} : { batch: o.batch }),
    (r) =>
      `delivered ${r.batch ?? 'every queued message'}: ${r.counts.sent} sent, ${r.counts.failed} failed, ${r.counts.skipped} skipped\n` +
      table(
        ['id', 'status', 'tries', 'reason'],
        r.messages.map((m) => [m.id, m.status, m.attempts, m.reason ?? '']),
      ),
  );
  bindCli<CommandOutput<typeof recordReceipt>>(
    message
      .command('receipt')
      .description('record a delivery receipt of a sent message (delivered, or undelivered)')
      .requiredOption('--id <id>', 'the message (MS-…)')
      .option('--delivered', 'it was delivered')
      .option('--undelivered', 'it was not delivered')
      .option('--reason <text>', 'why it was not delivered')
      .option('--json', 'print JSON'),
    recordReceipt,
    (_a, o) => {
      if (Boolean(o.delivered) === Boolean(o.undelivered))
        throw errors.invalidInput('invalid input at status: give --delivered or --undelivered');
      return {
        id: o.id,
        status: o.delivered ? 'delivered' : 'undelivered',
        ...(o.reason === undefined ? {} : { reason: o.reason }),
      };
    },
    (r) => `${r.id} (${r.case}): ${r.status}${r.changed ? '' : ' (already recorded)'}`,
  );
  bindCli<CommandOutput<typeof listMessages>>(
    message
      .command('list')
      .description('the message log: case, channel, status, attempts, reason (never an address)')
      .option('--movement <id>', 'one movement')
      .option('--case <id>', 'one case')
      .option('--purpose <purpose>', 'one purpose')
      .option(
        '--status <status>',
        'queued, sending, sent, failed, skipped, delivered or undelivered',
      )
      .option('--limit <n>', 'at most this many (default 200)')
      .option('--json', 'print JSON'),
    listMessages,
    (_a, o) => ({
      ...(o.movement === undefined ? {} : { movementId: o.movement }),
      ...(o.case === undefined ? {} : { caseId: o.case }),
      ...(o.purpose === undefined ? {} : { purpose: o.purpose }),
      ...(o.status === undefined ? {} : { status: o.status }),
      ...(o.limit === undefined ? {} : { limit: o.limit }),
    }),
    (r) =>
      table(
        ['id', 'case', 'person', 'purpose', 'lang', 'channel', 'status', 'tries', 'at', 'reason'],
        r.messages.map((m) => [
          m.id,
          m.case,
          dash(m.personId),
          m.purpose,
          dash(m.language),
          dash(m.channel),
          m.status,
          m.attempts,
          m.receiptAt ?? m.sentAt ?? m.createdAt,
          m.reason ?? '',
        ]),
      ),
  );
}
