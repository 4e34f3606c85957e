/** Messages to households over HTTP (issue 23 item 1): templates, contact, preview, send, the log. */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  addMessageTemplate,
  deliverMessages,
  execute,
  listMessages,
  listMessageTemplates,
  previewMessages,
  MessageIdSchema,
  recordReceipt,
  sendMessages,
  setContact,
  smsReceiptSecret,
} from '@corridor/commands';
import { errors } from '@corridor/core';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { defineRoute } from '../route.js';

const tag = 'messages';

/** `GET /api/messages/templates`: like `corridor message template list`. */
export const messageTemplatesRoute = bindCommand(
  'GET /api/messages/templates',
  listMessageTemplates,
  {
    tag,
  },
);

/** `POST /api/messages/templates`: like `corridor message template add`. */
export const addMessageTemplateRoute = bindCommand(
  'POST /api/messages/templates',
  addMessageTemplate,
  {
    tag,
    status: 200,
    description:
      'The body is `{ purpose, language, subject, body }` in ICU MessageFormat. A variable the ' +
      'purpose does not know, a required one left out, or bad syntax is refused (400) naming the field.',
  },
);

/** `POST /api/persons/:id/contact`: like `corridor message contact`. */
export const setContactRoute = bindCommand('POST /api/persons/:id/contact', setContact, {
  tag,
  params: { id: 'personId' },
  status: 200,
  description:
    '`{ email?, phone? }` (null removes one); sealed under the person’s key. The answer names the ' +
    'fields changed, never their values.',
});

/** `POST /api/messages/preview`: like `corridor message preview`; nothing is written or sent. */
export const previewMessagesRoute = bindCommand('POST /api/messages/preview', previewMessages, {
  tag,
  status: 200,
});

/** `POST /api/messages/send`: like `corridor message send` (`dryRun: true` writes nothing). */
export const sendMessagesRoute = bindCommand('POST /api/messages/send', sendMessages, {
  tag,
  status: 200,
  description:
    'Households without consent for messages, without a template in one of their languages or ' +
    'without a contact are skipped with the reason; each send is retried and logged in the ' +
    'disclosure log (kind `message`).',
});

/** `GET /api/messages`: the message log, like `corridor message list`. */
export const listMessagesRoute = bindCommand('GET /api/messages', listMessages, { tag });

/** `POST /api/messages/deliver`: like `corridor message deliver`; queued as a job (202). */
export const deliverMessagesRoute = bindCommand('POST /api/messages/deliver', deliverMessages, {
  tag,
  description:
    'Delivers the queued messages of one send (`batch`) or every one left queued; each line is ' +
    'claimed by one worker only, so two runs never send a message twice.',
});

/** `POST /api/messages/:id/receipt`: like `corridor message receipt`, a receipt recorded by hand. */
export const messageReceiptRoute = bindCommand('POST /api/messages/:id/receipt', recordReceipt, {
  tag,
  params: { id: 'id' },
  status: 200,
  description:
    '`{ status: "delivered" | "undelivered", reason? }` for a sent message; the same receipt ' +
    'again changes nothing (`changed: false`); a message not sent is refused (409).',
});

/** What the SMS gateway posts back: the message's reference and what became of it. */
const GatewayReceipt = z.object({
  reference: MessageIdSchema,
  status: z.enum(['delivered', 'undelivered', 'failed'], {
    error: () => 'must be one of delivered, undelivered, failed',
  }),
  reason: z.string().trim().min(1).max(500).optional(),
});

/** The gateway acts with a movement officer's permission, for this one command only. */
const gatewayActor = { name: 'gateway:sms', role: 'movement-officer', via: 'api' } as const;

/** True when `header` is `Bearer <secret>`, compared in constant time. */
function bearerMatches(header: string | undefined, secret: string): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/** `POST /api/messages/receipts/sms`: the SMS gateway's delivery receipt (its secret, no login). */
export const smsReceiptRoute = defineRoute('POST /api/messages/receipts/sms', {
  tag,
  summary: 'The SMS gateway reports a message delivered or not (no login: the receipt secret)',
  description:
    'Authenticated by `Authorization: Bearer <CORRIDOR_SMS_RECEIPT_SECRET>` (401 otherwise, and ' +
    'always when no secret is configured). `{ reference: "MS-…", status: "delivered" | ' +
    '"undelivered" | "failed", reason? }` moves the sent SMS to delivered or undelivered; the ' +
    'same receipt again answers `changed: false`; an id that is no SMS message answers 404.',
  body: GatewayReceipt,
  response: recordReceipt.output,
  status: 200,
  handler: async ({ body, store, now, request }) => {
    const secret = smsReceiptSecret();
    if (!secret || !bearerMatches(request.headers.authorization, secret))
      throw errors.unauthenticated();
    const message = await store.messages.get(body.reference);
    if (message?.channel !== 'sms') throw errors.notFound('message', body.reference);
    return execute(
      recordReceipt,
      { actor: gatewayActor, store, now },
      {
        id: body.reference,
        status: body.status === 'delivered' ? 'delivered' : 'undelivered',
        ...(body.reason ? { reason: body.reason } : {}),
      },
    );
  },
});
