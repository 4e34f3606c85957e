/**
 * Free text about persons (a case-history reason, a duplicate decision's note) sealed under a key
 * derived from the data keys of every person it concerns: erasing any of them makes it unreadable,
 * like the rest of their data, while the rows around it (statuses, dates, counts) stay.
 */
import { hkdfSync } from 'node:crypto';
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

/** Seals `text` for `members` (all must have keys), bound to `recordId`; undefined when one has none. */
export function sealForMembers(
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
  members: readonly string[],
  recordId: string,
  text: string,
): Buffer | undefined {
  const key = jointKey(keys, members);
  return key ? vault.encrypt(key, recordId, text) : undefined;
}

/** Opens text sealed by `sealForMembers`; `erasedText` when any member's key is gone. */
export function openForMembers(
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
  members: readonly string[],
  recordId: string,
  sealed: Uint8Array,
): string {
  const key = jointKey(keys, members);
  return key ? vault.decrypt<string>(key, recordId, sealed) : erasedText;
}
