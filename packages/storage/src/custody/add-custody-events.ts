/** Appends custody events: checked against the state machine and the clock, chained, sealed, anchored. */
import {
  CustodyEventInputSchema,
  errors,
  type CustodyEvent,
  type CustodyEventData,
  type CustodyEventInput,
  type CustodyKind,
} from '@corridor/core';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches, type Db } from '../db/batch.js';
import { personKeys } from '../registry/person-keys.js';
import type { Vault } from '../vault/vault.js';
import { batchDigest, eventHash } from './custody-chain.js';

/** An item's chain as stored: its owner, last event and hash (the item's own before any event). */
export interface Head {
  personId: string;
  seq: number;
  kind: CustodyKind | null;
  at: string | null;
  hash: string;
}

/** The heads of items' chains, locked until the transaction ends (writers of one item queue). */
export async function headsOf(trx: Db, itemIds: string[]): Promise<Map<string, Head>> {
  const heads = new Map<string, Head>();
  if (itemIds.length === 0) return heads;
  for (let i = 0; i < itemIds.length; i += 5000) {
    const chunk = itemIds.slice(i, i + 5000);
    const items = await trx
      .selectFrom('belongings')
      .select(['id', 'person_id', 'hash'])
      .where('id', 'in', chunk)
      // Writers of the same item queue here, so each reads the head the other wrote.
      .forUpdate()
      .execute();
    for (const it of items)
      heads.set(it.id, { personId: it.person_id, seq: 0, kind: null, at: null, hash: it.hash });
    const last = await trx
      .selectFrom('custody_events')
      .select(['item_id', 'seq', 'kind', 'at', 'hash'])
      .where('item_id', 'in', chunk)
      .orderBy('item_id')
      .orderBy('seq')
      .execute();
    for (const e of last) {
      const h = heads.get(e.item_id)!;
      Object.assign(h, {
        seq: e.seq,
        kind: e.kind,
        at: new Date(e.at).toISOString(),
        hash: e.hash,
      });
    }
  }
  return heads;
}

/**
 * Checks the batch's fields and that its items are recorded and their owners not erased (naming
 * each event), then chains, seals and writes it. The order of events (the custody state machine)
 * is the `custody.recordEvent` command's rule, checked before this is called.
 */
export async function addCustodyEvents(
  trx: Db,
  vault: Vault,
  input: CustodyEventInput[],
  actor: Actor,
): Promise<CustodyEvent[]> {
  const problems: string[] = [];
  const parsed: CustodyEventData[] = [];
  input.forEach((raw, k) => {
    const r = CustodyEventInputSchema.safeParse(raw);
    const label = `custody event #${k + 1}`;
    if (!r.success)
      for (const i of r.error.issues)
        problems.push(`${label}: ${i.path.join('.') || 'event'} ${i.message}`);
    else parsed.push(r.data);
  });
  if (problems.length > 0)
    throw errors.invalidInput(
      `no custody event written: ${problems.slice(0, 10).join('; ')}`,
      problems,
    );
  const heads = await headsOf(trx, [...new Set(parsed.map((e) => e.itemId))]);
  const keys = await personKeys(trx, vault, [
    ...new Set([...heads.values()].map((h) => h.personId)),
  ]);
  const out: CustodyEvent[] = [];
  const rows: Record<string, unknown>[] = [];
  parsed.forEach((e, k) => {
    const label = `custody event #${k + 1} (${e.itemId})`;
    const head = heads.get(e.itemId);
    if (!head)
      return void problems.push(`${label}: itemId ${e.itemId} is not a recorded belonging`);
    const key = keys.get(head.personId);
    if (!key) return void problems.push(`${label}: the owner's personal data was erased`);
    const at = new Date(e.at).toISOString();
    const seq = head.seq + 1;
    const detail = {
      to: e.to,
      by: e.by,
      witness: e.witness,
      place: e.place,
      receipt: e.receipt,
      note: e.note,
    };
    const sealed = vault.encrypt(key, `custody:${e.itemId}:${seq}`, detail);
    const record = {
      itemId: e.itemId,
      seq,
      kind: e.kind,
      at,
      detail: sealed,
      actor: actor.name,
      prevHash: head.hash,
    };
    const hash = eventHash(record);
    Object.assign(head, { seq, kind: e.kind, at, hash });
    out.push({ ...record, detail, hash });
    rows.push({
      item_id: e.itemId,
      seq,
      kind: e.kind,
      at,
      detail: sealed,
      actor: actor.name,
      prev_hash: record.prevHash,
      hash,
    });
  });
  if (problems.length > 0)
    throw errors.invalidInput(
      `no custody event written: ${problems.slice(0, 10).join('; ')}`,
      problems,
    );
  const audit = await appendAudit(trx, actor, {
    action: 'custody.events',
    entity: 'belonging',
    entityId: out.length === 1 ? out[0]!.itemId : '*',
    detail: {
      count: out.length,
      digest: batchDigest(out.map((e) => ({ key: `${e.itemId}#${e.seq}`, hash: e.hash }))),
    },
  });
  await insertInBatches(
    trx,
    'custody_events',
    rows.map((r) => ({ ...r, audit_seq: audit.seq })),
  );
  return out;
}
