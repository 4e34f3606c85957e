/** Messages to households over HTTP (issue 23 item 1): templates, contact, preview, send, the log. */
import {
  addMessageTemplate,
  listMessages,
  listMessageTemplates,
  previewMessages,
  sendMessages,
  setContact,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

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
