/**
 * Free text about persons (a case-history reason, a duplicate decision's note) sealed under a key
 * derived from the data keys of every person it concerns: erasing any of them makes it unreadable,
 * like the rest of their data, while the rows around it (statuses, dates, counts) stay.
 */
import { hkdfSync } from 'node:crypto';
import { itemKey, mixItemKey, type ItemKind } from '../keys/item-secret.js';
import type { Vault } from '../vault/vault.js';

/** What unreadable free text shows: someone it concerned was erased. */
export const erasedText = '(erased)';

function jointKey(keys: ReadonlyMap<string, Buffer>, members: readonly string[]) {
  const sorted = [...new Set(members)].sort();
  const parts = sorted.map((id) => keys.get(id));
  if (sorted.length === 0 || parts.some((k) => k === undefined)) return undefined;
  const ikm = Buffer.concat(parts as Buffer[]);
  return Buffer.from(
    hkdfSync('sha256', ikm, Buffer.alloc(0), `corridor/joint:${sorted.join(',')}`, 32),
  );
}

/** An item's own secret mixed into the joint key (keys/item-secret.ts), so that its shredding is final. */
export interface ItemSecretRef {
  kind: ItemKind;
  id: string;
  secret: Buffer;
}

/**
 * Seals `text` for `members` (all must have keys), bound to `recordId`, and with `item`'s secret
 * mixed in when given; undefined when a member has no key.
 */
export function sealForMembers(
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
  members: readonly string[],
  recordId: string,
  text: string,
  item?: ItemSecretRef,
): Buffer | undefined {
  const key = jointKey(keys, members);
  if (!key) return undefined;
  return vault.encrypt(
    item ? mixItemKey(key, item.secret, item.kind, item.id) : key,
    recordId,
    text,
  );
}

/**
 * Opens text sealed by `sealForMembers` (with the item's wrapped secret when it has one);
 * `erasedText` when any member's key is gone.
 */
export function openForMembers(
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
  members: readonly string[],
  recordId: string,
  sealed: Uint8Array,
  item?: { kind: ItemKind; id: string; wrapped: Uint8Array | null },
): string {
  const key = jointKey(keys, members);
  if (!key) return erasedText;
  const opening = item ? itemKey(vault, key, item.kind, item.id, item.wrapped) : key;
  return vault.decrypt<string>(opening, recordId, sealed);
}

/** A case-history line as an item: its secret is wrapped in `reason_key`, bound to the row's id. */
export const historyItem = (row: { id: number | string; reason_key: Uint8Array | null }) => ({
  kind: 'history' as const,
  id: String(row.id),
  wrapped: row.reason_key,
});
