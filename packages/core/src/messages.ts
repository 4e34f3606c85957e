/**
 * Messages to households (issue 23 item 1): the purposes a message has, the variables a template
 * of each purpose may use, the channels and the statuses. Pure: the commands render and send.
 */
import { z } from 'zod';
import { LanguageSchema } from './schemas.js';

/** Why a household is written to. */
export const messagePurposes = [
  'checkin-call',
  'movement-changed',
  'documents-needed',
  'appointment',
] as const;
/** One purpose of a message. */
export type MessagePurpose = (typeof messagePurposes)[number];

/** The ways a message leaves: e-mail through SMTP, or a text through an SMS gateway's HTTP API. */
export const messageChannels = ['email', 'sms'] as const;
/** One channel. */
export type MessageChannel = (typeof messageChannels)[number];

/**
 * Where a message stands: `queued` (written, not yet handed over), `sending` (a delivery worker
 * claimed it), `sent` (the channel took it: for e-mail, the SMTP server accepted it), `failed`
 * (every attempt refused), `skipped` (never sent, with the reason: no consent, no template in the
 * household's language, no contact), and after `sent`, from the SMS gateway's receipt,
 * `delivered` or `undelivered` (with the gateway's reason).
 */
export const messageStatuses = [
  'queued',
  'sending',
  'sent',
  'failed',
  'skipped',
  'delivered',
  'undelivered',
] as const;
/** One status. */
export type MessageStatus = (typeof messageStatuses)[number];

/** What a delivery receipt may say of a sent message. */
export const messageReceiptStatuses = ['delivered', 'undelivered'] as const;
/** One receipt status. */
export type MessageReceiptStatus = (typeof messageReceiptStatuses)[number];

/** Variables every template may use: the case and its size. */
export const caseVariables = ['caseId', 'persons'] as const;
/** Variables a movement gives: when, from where, to where, with whom (no personal data). */
export const movementVariables = [
  'movementId',
  'departDate',
  'departTime',
  'origin',
  'destination',
  'arrivalAirport',
  'carrier',
  'flightNumber',
] as const;

/** What each purpose needs: a movement or not, the facts the sender gives, the variables it must use. */
export interface MessagePurposeSpec {
  /** Sent about a movement (`--movement`): its facts are variables and its households the recipients. */
  movement: boolean;
  /** Facts given when sending (`--fact name=value`), not kept in the registry. */
  facts: readonly string[];
  /** Variables a template of this purpose must use, or it says nothing useful. */
  required: readonly string[];
}

/** The purposes' specs: the one place that says which variables a template may and must use. */
export const messagePurposeSpecs: Readonly<Record<MessagePurpose, MessagePurposeSpec>> = {
  'checkin-call': {
    movement: true,
    facts: ['checkinTime', 'checkinPlace'],
    required: ['departDate'],
  },
  'movement-changed': { movement: true, facts: ['change'], required: ['departDate'] },
  'documents-needed': {
    movement: false,
    facts: ['documents', 'deadline', 'place'],
    required: ['documents'],
  },
  appointment: {
    movement: false,
    facts: ['appointmentDate', 'appointmentTime', 'place'],
    required: ['appointmentDate'],
  },
};

/** Every variable a template of `purpose` may use. */
export function templateVariables(purpose: MessagePurpose): string[] {
  const spec = messagePurposeSpecs[purpose];
  return [...caseVariables, ...(spec.movement ? movementVariables : []), ...spec.facts];
}

/** The purpose as input. */
export const MessagePurposeSchema = z.enum(messagePurposes, {
  error: () => `must be one of ${messagePurposes.join(', ')}`,
});
/** The channel as input. */
export const MessageChannelSchema = z.enum(messageChannels, {
  error: () => `must be one of ${messageChannels.join(', ')}`,
});

/** A template as saved: per purpose and language; the subject is for e-mail only. */
export const MessageTemplateSchema = z.object({
  purpose: MessagePurposeSchema,
  language: LanguageSchema.describe('ISO 639 code of the language it is written in, e.g. ar'),
  subject: z.string().trim().min(1).max(200).describe('ICU MessageFormat; e-mail subject'),
  body: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('ICU MessageFormat, e.g. "Be at {checkinPlace}"'),
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

/** An e-mail address as input (kept sealed under the person's key). */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/, 'must be an e-mail address');
/** A phone number as input: digits with an optional leading + and spaces (E.164 once spaces go). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ]{5,20}$/, 'must be a phone number: digits, spaces, an optional leading +');
