/** Messages to households (issue 23 item 1): templates, the message log, and contact details. */
import type {
  MessageChannel,
  MessagePurpose,
  MessageStatus,
  MessageTemplate,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A template as stored, with who set it last and when. */
export interface StoredMessageTemplate extends MessageTemplate {
  updatedAt: string;
  updatedBy: string;
}

/** One message to write: queued for a channel, or skipped with the reason. */
export interface MessageWrite {
  householdId: string;
  personId: string | null;
  movementId: string | null;
  purpose: MessagePurpose;
  language: string | null;
  channel: MessageChannel | null;
  status: Extract<MessageStatus, 'queued' | 'skipped'>;
  reason: string | null;
}

/** A message as logged: ids, channel, status and reason; never an address or the text. */
export interface StoredMessage extends Omit<MessageWrite, 'status'> {
  id: string;
  batch: string;
  status: MessageStatus;
  attempts: number;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
  disclosureId: string | null;
}

/** Which messages to list; every filter is optional. */
export interface MessageFilter {
  movementId?: string;
  householdId?: string;
  purpose?: MessagePurpose;
  status?: MessageStatus;
  batch?: string;
  limit: number;
}

/** The outcome of handing one message to its channel. */
export interface MessageOutcome {
  status: Extract<MessageStatus, 'sent' | 'failed'>;
  attempts: number;
  /** Why it failed, with any address already taken out. */
  reason: string | null;
  at: Date;
  disclosureId: string | null;
}

/** A person's contact details: sealed in their record under their own key. */
export interface ContactEdit {
  /** A new address; null removes it; undefined leaves it. */
  email?: string | null;
  phone?: string | null;
}

/** The messages capability. */
export interface MessageStore {
  /** Every template, by purpose then language. */
  templates(purpose?: MessagePurpose): Promise<StoredMessageTemplate[]>;
  /** Sets (or replaces) the template of a purpose and language, audited as `message.template`. */
  setTemplate(template: MessageTemplate, actor: Actor): Promise<StoredMessageTemplate>;
  /**
   * Writes a batch of messages (queued or skipped) with one `message.send` audit event holding
   * counts, the purpose and the movement; returns them with their ids.
   */
  queue(rows: readonly MessageWrite[], actor: Actor, at: Date): Promise<StoredMessage[]>;
  /** Records what happened to a queued message (joins the caller's transaction). */
  settle(id: string, outcome: MessageOutcome): Promise<void>;
  /** Messages matching `filter`, newest first. */
  list(filter: MessageFilter): Promise<StoredMessage[]>;
  /**
   * The households already sent (or being sent: queued) a message of `purpose` (about
   * `movementId`, when given), so two sends at once do not write twice.
   */
  alreadySent(
    householdIds: readonly string[],
    purpose: MessagePurpose,
    movementId: string | null,
  ): Promise<Set<string>>;
  /**
   * Sets a person's e-mail address or phone number inside their sealed record (re-encrypted under
   * their key, version bumped), audited as `message.contact` with the field names only; refuses an
   * unknown or erased person.
   */
  setContact(
    personId: string,
    edit: ContactEdit,
    actor: Actor,
  ): Promise<{ householdId: string; changed: string[] }>;
}
