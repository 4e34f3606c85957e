/**
 * A person's encrypted record (name, birth date, contact, protection note). A record that holds a
 * protection note is sealed under the person's key mixed with a fresh secret of its own
 * (keys/item-secret.ts), so that when retention takes the note out, the old versions that held it
 * (dead rows, WAL) become unreadable with the next key rotation while the person lives on.
 */
import type { PersonPii } from '@corridor/core';
import { itemKey, mixItemKey, newItemSecret } from '../keys/item-secret.js';
import type { GenerationPin, Vault } from '../vault/vault.js';

/** The record's sealed form and its secret's wrapped form (null: under the person's key alone). */
export function sealPersonRecord(
  vault: Vault,
  pin: GenerationPin,
  key: Buffer,
  id: string,
  pii: PersonPii,
): { pii: Buffer; pii_key: Buffer | null } {
  if (pii.protectionNote === undefined)
    return { pii: vault.encrypt(key, `person:${id}`, pii), pii_key: null };
  const item = newItemSecret(vault, pin, 'record', id);
  return {
    pii: vault.encrypt(mixItemKey(key, item.secret, 'record', id), `person:${id}`, pii),
    pii_key: item.wrapped,
  };
}

/** Opens a record sealed by `sealPersonRecord` (or before records had secrets). */
export function openPersonRecord(
  vault: Vault,
  key: Buffer,
  row: { id: string; pii: Uint8Array; pii_key: Uint8Array | null },
): PersonPii {
  return vault.decrypt<PersonPii>(
    itemKey(vault, key, 'record', row.id, row.pii_key),
    `person:${row.id}`,
    row.pii,
  );
}
