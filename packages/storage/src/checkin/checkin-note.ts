/**
 * A check-in record's note, sealed under its person's key mixed with a secret of the record's own
 * (keys/item-secret.ts), like a travel document: erasing the person, or shredding the record and
 * rotating the keys, leaves no key on disk that opens the note's old copies (dead rows, WAL).
 */
import type { Db } from '../db/batch.js';
import { itemKey, mixItemKey, newItemSecret } from '../keys/item-secret.js';
import { personKeys } from '../registry/person-keys.js';
import { erasedText } from '../registry/sealed-text.js';
import type { GenerationPin, Vault } from '../vault/vault.js';

/** A check-in record's item id, the id its secret is bound to. */
export const checkinItemId = (station: string, seq: number) => `${station}:${seq}`;

const aad = (itemId: string) => `checkin-note:${itemId}`;

/** The columns that hold a note: sealed with a fresh secret, or `erasedText` when the person has no key. */
export function sealCheckinNote(
  vault: Vault,
  pin: GenerationPin,
  key: Buffer | undefined,
  station: string,
  seq: number,
  note: string | null,
): {
  note: string | null;
  item_id: string | null;
  note_sealed: Buffer | null;
  note_key: Buffer | null;
} {
  if (note === null) return { note: null, item_id: null, note_sealed: null, note_key: null };
  // An erased person's note is not kept at all.
  if (!key) return { note: erasedText, item_id: null, note_sealed: null, note_key: null };
  const id = checkinItemId(station, seq);
  const item = newItemSecret(vault, pin, 'checkin', id);
  return {
    note: null,
    item_id: id,
    note_sealed: vault.encrypt(mixItemKey(key, item.secret, 'checkin', id), aad(id), note),
    note_key: item.wrapped,
  };
}

type NoteRow = {
  station: string;
  seq: number;
  person_id: string;
  note: string | null;
  note_sealed: Uint8Array | null;
  note_key: Uint8Array | null;
};

/** The persons' keys needed to open the sealed notes among `rows` (erased persons absent). */
export function noteKeys(db: Db, vault: Vault, rows: readonly NoteRow[]) {
  const ids = [...new Set(rows.filter((r) => r.note_sealed !== null).map((r) => r.person_id))];
  return personKeys(db, vault, ids);
}

/** A row's note: opened when sealed (`erasedText` when its person was erased), else as stored. */
export function openCheckinNote(
  vault: Vault,
  keys: ReadonlyMap<string, Buffer>,
  row: NoteRow,
): string | null {
  if (row.note_sealed === null) return row.note;
  const key = keys.get(row.person_id);
  if (!key) return erasedText;
  const id = checkinItemId(row.station, Number(row.seq));
  return vault.decrypt<string>(
    itemKey(vault, key, 'checkin', id, row.note_key),
    aad(id),
    row.note_sealed,
  );
}
