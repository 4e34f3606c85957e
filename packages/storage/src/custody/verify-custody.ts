/** Recomputes every custody chain and checks each batch against the digest its audit event holds. */
import type { Db } from '../db/batch.js';
import { batchDigest, eventHash, itemHash } from './custody-chain.js';
import type { CustodyVerdict } from './custody-store.js';

interface Batch {
  rows: { key: string; hash: string }[];
}

/** Checks items, events and their audit anchors; lists up to 50 problems. */
export async function verifyCustody(db: Db): Promise<CustodyVerdict> {
  const problems: string[] = [];
  const items = await db.selectFrom('belongings').selectAll().orderBy('id').execute();
  const events = await db
    .selectFrom('custody_events')
    .selectAll()
    .orderBy('item_id')
    .orderBy('seq')
    .execute();
  const batches = new Map<number, Batch>();
  const inBatch = (seq: unknown, key: string, hash: string) => {
    const b = batches.get(Number(seq)) ?? { rows: [] };
    b.rows.push({ key, hash });
    batches.set(Number(seq), b);
  };
  const heads = new Map<string, { seq: number; hash: string }>();
  for (const i of items) {
    const hash = itemHash({
      id: i.id,
      personId: i.person_id,
      category: i.category,
      description: i.description,
    });
    if (hash !== i.hash) problems.push(`belonging ${i.id} was changed after it was written`);
    heads.set(i.id, { seq: 0, hash: i.hash });
    inBatch(i.audit_seq, i.id, i.hash);
  }
  for (const e of events) {
    const head = heads.get(e.item_id);
    const at = new Date(e.at).toISOString();
    const record = {
      itemId: e.item_id,
      seq: e.seq,
      kind: e.kind,
      at,
      detail: e.detail,
      actor: e.actor,
      prevHash: e.prev_hash,
    };
    if (!head)
      problems.push(`custody event ${e.item_id}#${e.seq} belongs to no recorded belonging`);
    else if (e.seq !== head.seq + 1)
      problems.push(`custody event ${e.item_id}#${head.seq + 1} is missing (next is #${e.seq})`);
    else if (e.prev_hash !== head.hash)
      problems.push(
        `custody event ${e.item_id}#${e.seq} does not follow the one before (removed or inserted)`,
      );
    if (eventHash(record) !== e.hash)
      problems.push(`custody event ${e.item_id}#${e.seq} was changed after it was written`);
    heads.set(e.item_id, { seq: e.seq, hash: e.hash });
    inBatch(e.audit_seq, `${e.item_id}#${e.seq}`, e.hash);
  }
  // Batches written before the operation was last replaced (`corridor demo` again) are gone by design.
  const reset = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('action', '=', 'operation.delete')
    .executeTakeFirst();
  const anchors = await db
    .selectFrom('audit_events')
    .select(['seq', 'action', 'detail'])
    .where('action', 'in', ['custody.items', 'custody.events'])
    .where('seq', '>', Number(reset?.seq ?? 0))
    .orderBy('seq')
    .execute();
  const anchored = new Set<number>();
  for (const a of anchors) {
    const seq = Number(a.seq);
    anchored.add(seq);
    const detail = a.detail as { count?: number; digest?: string };
    const rows = batches.get(seq)?.rows ?? [];
    if (rows.length !== detail.count)
      problems.push(
        `audit event ${seq} (${a.action}) wrote ${detail.count} rows; ${rows.length} remain`,
      );
    else if (batchDigest(rows) !== detail.digest)
      problems.push(`rows written with audit event ${seq} (${a.action}) were changed`);
  }
  for (const seq of batches.keys())
    if (!anchored.has(seq))
      problems.push(`custody rows claim audit event ${seq}, which wrote none`);
  const counts = { items: items.length, events: events.length };
  return problems.length === 0
    ? { ok: true, ...counts }
    : { ok: false, ...counts, problems: problems.slice(0, 50) };
}
