/** Messages to households (issue 23 item 1): templates, contact details, preview, send, the log. */
import type { AnyCommand } from '../define.js';
import { setContact } from './contact.js';
import { deliverMessages, DeliverOut } from './deliver.js';
import { listMessages, LoggedMessage } from './list.js';
import { previewMessages } from './preview.js';
import { MessageIdSchema, recordReceipt } from './receipt.js';
import { SendOut, TemplateOut } from './schemas.js';
import { sendMessages } from './send.js';
import { addMessageTemplate } from './template-add.js';
import { listMessageTemplates } from './template-list.js';

export {
  addMessageTemplate,
  deliverMessages,
  DeliverOut,
  recordReceipt,
  MessageIdSchema,
  listMessages,
  listMessageTemplates,
  LoggedMessage,
  previewMessages,
  SendOut,
  sendMessages,
  setContact,
  TemplateOut as MessageTemplateOut,
};

/** Every message command, for the command table. */
export const messageCommands = [
  addMessageTemplate,
  listMessageTemplates,
  setContact,
  previewMessages,
  sendMessages,
  deliverMessages,
  recordReceipt,
  listMessages,
] as unknown as readonly AnyCommand[];

export { smsReceiptSecret } from './channels.js';
export { deliveryActor, deliveryJobKind, deliveryLeaseMs } from './delivery.js';
