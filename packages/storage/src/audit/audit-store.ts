/**
 * The hash-chained audit log: every write appends an event holding the hash of the one before.
 * The chain is keyed: from the event recorded in the `audit_keyed_from` mark on, each hash is an
 * HMAC-SHA-256 under a key derived from the master key (never stored in the database), so someone
 * who can write the table cannot append an event that verifies. Events before the mark (written
 * by earlier versions) keep their plain SHA-256 hashes and still verify.
 */
import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { errors } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import type { Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';

/** Who acts: a name and the role they act in. */
export interface Actor {
  name: string;
  role: string;
}

/** An event to append; `detail` must hold no personal data. */
export interface AuditInput {
  action: string;
  entity: string;
  entityId: string;
  detail?: Record<string, unknown>;
}

/** An event as stored. */
export interface AuditEvent extends Required<AuditInput> {
  seq: number;
  at: string;
  actor: string;
  role: string;
  prevHash: string;
  hash: string;
}

/** An event's number and hash recorded outside the database (a report, a ticket, an e-mail). */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/** The result of checking the chain: ok, or the first place it breaks. */
export type AuditVerdict =
  { ok: true; events: number } | { ok: false; events: number; seq: number; problem: string };

const genesis = 'genesis';
const chainLockKey = 7_270_301;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The audit keys of open databases, by the adapter a database shares with its transactions. */
const auditKeys = new WeakMap<object, Buffer>();
const keyedMark = 'audit_keyed_from';

/** The audit chain's key, derived from the master key (HKDF-SHA-256) so it is never stored. */
export function deriveAuditKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'corridor audit chain', 32));
}

function keyOf(db: Db): Buffer {
  const key = auditKeys.get(db.getExecutor().adapter);
  if (!key)
    throw new Error('the audit chain key is not set for this database (open it with openStore)');
  return key;
}

function hashOf(e: Omit<AuditEvent, 'hash'>, key: Buffer | null): string {
  const { seq, at, actor, role, action, entity, entityId, detail, prevHash } = e;
  const text = canonical({ seq, at, actor, role, action, entity, entityId, detail, prevHash });
  return (key ? createHmac('sha256', key) : createHash('sha256')).update(text).digest('hex');
}

function markValue(from: number, key: Buffer): string {
  return `${from}:${createHmac('sha256', key).update(`${keyedMark}:${from}`).digest('hex')}`;
}

/** The first keyed event's number, or a problem when the mark is missing or was altered. */
async function keyedFrom(db: Db, key: Buffer): Promise<number | string> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', keyedMark)
    .executeTakeFirst();
  if (!row) return 'the mark of the keyed chain is missing (removed from the database?)';
  const from = Number(row.value.split(':')[0]);
  const a = Buffer.from(row.value);
  const b = Buffer.from(markValue(from, key));
  return Number.isSafeInteger(from) && a.length === b.length && timingSafeEqual(a, b)
    ? from
    : 'the mark of the keyed chain was altered';
}

/** Sets the audit key of a database opened by `openStore`, then marks its chain. */
export async function useAuditKey(db: Kysely<Database>, key: Buffer): Promise<void> {
  auditKeys.set(db.getExecutor().adapter, key);
  await markKeyedChain(db);
}

/**
 * Once per database, marks where the keyed chain begins (the next event); a chain written by an
 * earlier version keeps its plain prefix. Also after a restore of such a chain.
 */
export async function markKeyedChain(db: Kysely<Database>): Promise<void> {
  const key = keyOf(db);
  await transact(db, async (trx) => {
    if (await trx.selectFrom('meta').select('key').where('key', '=', keyedMark).executeTakeFirst())
      return;
    await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(trx);
    const last = await trx
      .selectFrom('audit_events')
      .select('seq')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    await trx
      .insertInto('meta')
      .values({ key: keyedMark, value: markValue(Number(last?.seq ?? 0) + 1, key) })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}

/**
 * Takes the audit chain's lock early, for a command that checks before it writes (ids free,
 * quantities left): concurrent writers then check one after the other. Held until commit.
 */
export async function lockAuditChain(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(trx);
}

/** Appends one event inside the caller's transaction; concurrent writers queue on a lock. */
export async function appendAudit(trx: Db, actor: Actor, input: AuditInput): Promise<AuditEvent> {
  await sql`select pg_advisory_xact_lock(${chainLockKey})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const base = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    actor: actor.name,
    role: actor.role,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    detail: JSON.parse(JSON.stringify(input.detail ?? {})) as Record<string, unknown>,
    prevHash: last?.hash ?? genesis,
  };
  const event = { ...base, hash: hashOf(base, keyOf(trx)) };
  await trx
    .insertInto('audit_events')
    .values({
      seq: event.seq,
      at: event.at,
      actor: event.actor,
      role: event.role,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      detail: JSON.stringify(event.detail),
      prev_hash: event.prevHash,
      hash: event.hash,
    })
    .execute();
  return event;
}

/** Reads events in order, a page at a time. */
export async function auditEvents(db: Db, afterSeq = 0, limit = 1000): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    role: r.role,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  }));
}

/** Recomputes the chain and names the first event that was edited, inserted or removed. */
export async function verifyAudit(
  db: Db,
  anchors: readonly AuditAnchor[] = [],
): Promise<AuditVerdict> {
  const anchored = new Map(anchors.map((a) => [a.seq, a.hash.toLowerCase()]));
  const key = keyOf(db);
  const from = await keyedFrom(db, key);
  if (typeof from === 'string') return { ok: false, events: 0, seq: 1, problem: from };
  let prev = genesis;
  let expectedSeq = 1;
  let count = 0;
  for (
    let page = await auditEvents(db, 0);
    page.length > 0;
    page = await auditEvents(db, expectedSeq - 1)
  ) {
    for (const e of page) {
      if (e.seq !== expectedSeq) {
        return {
          ok: false,
          events: count,
          seq: expectedSeq,
          problem: `event ${expectedSeq} is missing (next is ${e.seq})`,
        };
      }
      if (e.prevHash !== prev) {
        return {
          ok: false,
          events: count,
          seq: e.seq,
          problem: `event ${e.seq} does not follow event ${e.seq - 1} (removed or inserted)`,
        };
      }
      if (hashOf(e, e.seq >= from ? key : null) !== e.hash) {
        return {
          ok: false,
          events: count,
          seq: e.seq,
          problem:
            e.seq >= from
              ? `event ${e.seq} was changed after it was written, or written without the audit key (forged)`
              : `event ${e.seq} was changed after it was written`,
        };
      }
      const anchor = anchored.get(e.seq);
      if (anchor !== undefined && anchor !== e.hash) {
        return {
          ok: false,
          events: count,
          seq: e.seq,
          problem: `event ${e.seq} differs from its anchor kept outside the database (the chain was rewritten from there on)`,
        };
      }
      prev = e.hash;
      expectedSeq++;
      count++;
    }
  }
  const beyond = [...anchored.keys()].filter((seq) => seq >= expectedSeq).sort((a, b) => a - b);
  if (beyond.length > 0)
    return {
      ok: false,
      events: count,
      seq: beyond[0]!,
      problem: `event ${beyond[0]!} was anchored outside the database but is gone (the log ends at ${count})`,
    };
  return { ok: true, events: count };
}

/** The last event's number and hash: keep it outside the database to catch a rewritten chain. */
export async function auditHead(db: Db): Promise<AuditAnchor & { at: string }> {
  const last = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash', 'at'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last
    ? { seq: Number(last.seq), hash: last.hash, at: new Date(last.at).toISOString() }
    : { seq: 0, hash: genesis, at: new Date(0).toISOString() };
}

/** Reads `SEQ:HASH` (as `corridor audit head` prints it); throws a clear error otherwise. */
export function parseAuditAnchor(text: string): AuditAnchor {
  const m = /^(\d{1,12}):([0-9a-fA-F]{64})$/.exec(text.trim());
  if (!m)
    throw errors.invalidInput(
      `anchor "${text}" must be SEQ:HASH, the event number and its 64-hex-digit hash (as \`corridor audit head\` prints it)`,
    );
  return { seq: Number(m[1]), hash: m[2]!.toLowerCase() };
}
