/** The hashes that chain a belonging's custody events, and the digests the audit log anchors them with. */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** A stored belonging as its hash covers it. */
export interface ItemRecord {
  id: string;
  personId: string;
  category: string;
  description: Uint8Array;
}

/** A stored event as its hash covers it. */
export interface EventRecord {
  itemId: string;
  seq: number;
  kind: string;
  at: string;
  detail: Uint8Array;
  actor: string;
  prevHash: string;
}

/** The hash of a belonging: the first event's previous hash. */
export function itemHash(i: ItemRecord): string {
  return sha256(JSON.stringify(['belonging', i.id, i.personId, i.category, b64(i.description)]));
}

/** The hash of an event, covering its item, place in the chain, content and previous hash. */
export function eventHash(e: EventRecord): string {
  return sha256(
    JSON.stringify(['custody', e.itemId, e.seq, e.kind, e.at, b64(e.detail), e.actor, e.prevHash]),
  );
}

/** The digest of a batch written together, held by its audit event: (key, hash) pairs in order. */
export function batchDigest(rows: readonly { key: string; hash: string }[]): string {
  const lines = rows.map((r) => `${r.key} ${r.hash}`).sort();
  return sha256(lines.join('\n'));
}
