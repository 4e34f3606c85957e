/**
 * Per-item secrets, so that a shredded item is final on disk while its person lives (issue 20):
 * an item (a travel document, a case-history reason, a check-in note) is sealed under its owner's key mixed with a
 * secret of its own, wrapped by the keyring in the item's row. Shredding deletes the row; its old
 * copies in dead rows and the WAL hold the secret wrapped by a generation that the next rotation
 * destroys, so the owner's living key no longer opens them. Erasing the owner still does too.
 */
import { hkdfSync } from 'node:crypto';
import type { GenerationPin, Vault } from '../vault/vault.js';

/** The kinds of item with a secret of their own (the label its wrapped form is bound to). */
export type ItemKind = 'document' | 'history' | 'record' | 'checkin';

/** A fresh secret for one item, and its form wrapped under the pinned generation for the item's row. */
export function newItemSecret(
  vault: Vault,
  pin: GenerationPin,
  kind: ItemKind,
  id: string,
): { secret: Buffer; wrapped: Buffer } {
  const { key, wrapped } = vault.newRecordKey(pin, kind, id);
  return { secret: key, wrapped };
}

/** Mixes an owner's key with an item's secret into the key that seals the item. */
export function mixItemKey(ownerKey: Buffer, secret: Buffer, kind: ItemKind, id: string): Buffer {
  return Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.concat([ownerKey, secret]),
      Buffer.alloc(0),
      `corridor/item:${kind}:${id}`,
      32,
    ),
  );
}

/**
 * The key that seals a stored item: the owner's key mixed with the item's unwrapped secret, or the
 * owner's key alone for an item sealed before items had secrets (`wrapped` null).
 */
export function itemKey(
  vault: Vault,
  ownerKey: Buffer,
  kind: ItemKind,
  id: string,
  wrapped: Uint8Array | null,
): Buffer {
  if (!wrapped) return ownerKey;
  return mixItemKey(ownerKey, vault.unwrapRecordKey(kind, id, wrapped), kind, id);
}
