/** Messages to households (issue 23 item 1): templates, the message log, and contact details. */
import type {
  MessageChannel,
  MessagePurpose,
  MessageReceiptStatus,
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
  /**
   * The facts the send was given (a place, a date), to render it when delivered; kept only while
   * the line is queued or sending, and cleared when it settles.
   */
  facts: Record<string, string>;
}

/** A message as logged: ids, channel, status and reason; never an address or the text. */
export interface StoredMessage extends Omit<MessageWrite, 'status' | 'facts'> {
  id: string;
  batch: string;
  status: MessageStatus;
  attempts: number;
  createdAt: string;
  createdBy: string;
  sentAt: string | null;
  disclosureId: string | null;
  /** When the channel's delivery receipt came (SMS), else null. */
  receiptAt: string | null;
}

/** A line a delivery worker claimed (`sending`): what it needs to render and send it again. */
export interface ClaimedMessage extends StoredMessage {
  facts: Record<string, string>;
}

/** Which lines a delivery worker may claim. */
export interface ClaimRequest {
  /** This worker's name, recorded on the line while it is `sending`. */
  worker: string;
  at: Date;
  /** A `sending` line claimed before this lost its worker (a crash): it may be claimed again. */
  staleBefore: Date;
  /** Only this batch (one send); otherwise any line queued before `staleBefore`. */
  batch?: string;
}

/** A delivery receipt: what the channel says became of a sent message. */
export interface MessageReceipt {
  status: MessageReceiptStatus;
  /** The channel's reason for an undelivered message, any address already taken out. */
  reason: string | null;
  at: Date;
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

/** The outcome of handing one message to its channel (or of finding it can no longer be sent). */
export interface MessageOutcome {
  status: Extract<MessageStatus, 'sent' | 'failed' | 'skipped'>;
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
  /**
   * Claims one line for `worker` (`queued` → `sending`, or a `sending` line whose claim is older
   * than `staleBefore`), oldest first, skipping lines another transaction holds: two workers never
   * claim the same line. Undefined when none is left.
   */
  claimNext(request: ClaimRequest): Promise<ClaimedMessage | undefined>;
  /**
   * Records what happened to a line `worker` claimed (joins the caller's transaction); false when
   * the line is no longer that worker's (its claim went stale and another took it).
   */
  settle(id: string, worker: string, outcome: MessageOutcome): Promise<boolean>;
  /** Lines waiting for a worker: queued before `staleBefore`, or `sending` with a stale claim. */
  pending(staleBefore: Date): Promise<number>;
  /** Appends the `message.deliver` audit event of a delivery run: its batch (or all) and counts. */
  logDelivery(
    detail: { batch: string | null; sent: number; failed: number; skipped: number },
    actor: Actor,
  ): Promise<void>;
  /** One message, or undefined. */
  get(id: string): Promise<StoredMessage | undefined>;
  /**
   * Records a delivery receipt: `sent` → `delivered` | `undelivered` (or from `sending`, for an SMS
   * whose receipt beat its worker's settle, which then keeps it), audited as `message.receipt`. The
   * same receipt again changes nothing (`changed: false`); an unknown id is refused 404, a message
   * not sent (or already given the other receipt) 409.
   */
  receipt(
    id: string,
    receipt: MessageReceipt,
    actor: Actor,
  ): Promise<{ message: StoredMessage; changed: boolean }>;
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
