/** The custody capability (M9): belongings per person and their tamper-evident chain of custody. */
import type {
  Belonging,
  BelongingView,
  CustodyEvent,
  CustodyEventInput,
  CustodyHead,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** The result of checking every chain: ok, or each place where one breaks. */
export type CustodyVerdict =
  | { ok: true; items: number; events: number }
  | { ok: false; items: number; events: number; problems: string[] };

/** Belongings and custody events of one operation. */
export interface CustodyStore {
  /** Records belongings (all or nothing); descriptions are sealed with the owner's data key. */
  addItems(items: Belonging[], actor: Actor): Promise<void>;
  /**
   * Where recorded items' chains stand (items not recorded are absent), locked until the
   * transaction ends so that the events checked against them are the next ones.
   */
  heads(itemIds: readonly string[]): Promise<Map<string, CustodyHead>>;
  /**
   * Appends events in the order given (all or nothing); each stores the hash of the one before
   * (the first, the item's). The caller checked their order (`custodyBatchProblems`).
   */
  addEvents(events: CustodyEventInput[], actor: Actor): Promise<CustodyEvent[]>;
  /** One person's belongings with their events (everyone's without a person), decrypted. */
  items(personId?: string): Promise<BelongingView[]>;
  /** One person's custody record: their case and belongings; undefined when no such person. */
  record(
    personId: string,
  ): Promise<{ personId: string; householdId: string; items: BelongingView[] } | undefined>;
  /** Recomputes every chain and its anchors in the audit log; names each edited, removed or added row. */
  verify(): Promise<CustodyVerdict>;
}
