/** Grievances and appeals on Kysely; every person's words sealed under the case members' keys. */
import { errors } from '@corridor/core';
import { sql, type Kysely, type Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { AppealsTable, Database, GrievancesTable } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { writeEditHistory } from '../registry/edit-history.js';
import { personKeys } from '../registry/person-keys.js';
import { erasedText, openForMembers, sealForMembers } from '../registry/sealed-text.js';
import type { Vault } from '../vault/vault.js';
import type {
  AppealDecision,
  GrievanceChange,
  GrievanceEvent,
  GrievanceFilter,
  GrievanceStore,
  GrievanceSummary,
  NewAppeal,
  NewGrievance,
  StoredAppeal,
  StoredGrievance,
} from './grievance-store.js';

/** Advisory lock keys: one numbering of grievances (and of appeals) at a time. */
const grievanceLockKey = 7_270_516;
const appealLockKey = 7_270_517;

const iso = (d: Date | string) => new Date(d).toISOString();

/** The living members of a case, whose keys seal words about it. */
async function livingMembers(trx: Db, householdId: string): Promise<string[]> {
  return (
    await trx
      .selectFrom('persons')
      .select('id')
      .where('household_id', '=', householdId)
      .where('erased_at', 'is', null)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
}

function summaryOf(r: Selectable<GrievancesTable>): GrievanceSummary {
  return {
    id: r.id,
    householdId: r.household_id,
    channel: r.channel,
    category: r.category,
    urgency: r.urgency,
    confidential: r.confidential,
    status: r.status,
    receivedAt: iso(r.received_at),
    dueAt: iso(r.due_at),
    createdBy: r.created_by,
    createdRole: r.created_role,
    updatedAt: iso(r.updated_at),
  };
}

/** GrievanceStore over Kysely. */
export class KyselyGrievances implements GrievanceStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  private async seal(trx: Db, members: string[], recordId: string, text: string) {
    const keys = await personKeys(trx, this.vault, members);
    return sealForMembers(this.vault, keys, members, recordId, text) ?? null;
  }

  private async open(trx: Db, members: string[], recordId: string, sealed: Uint8Array | null) {
    if (!sealed) return erasedText;
    const keys = await personKeys(trx, this.vault, members);
    return openForMembers(this.vault, keys, members, recordId, sealed);
  }

  add(g: NewGrievance, actor: Actor): Promise<StoredGrievance> {
    return transact(this.db, async (trx) => {
      await sql`select pg_advisory_xact_lock(${grievanceLockKey})`.execute(trx);
      // Confidential ones are numbered apart, so the G-… numbers others see have no gaps.
      const last = await trx
        .selectFrom('grievances')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('confidential', '=', g.confidential)
        .executeTakeFirst();
      const seq = Number(last?.seq ?? 0) + 1;
      const id = `${g.confidential ? 'GC' : 'G'}-${String(seq).padStart(6, '0')}`;
      const members = await livingMembers(trx, g.householdId);
      const at = new Date();
      await trx
        .insertInto('grievances')
        .values({
          id,
          seq,
          household_id: g.householdId,
          channel: g.channel,
          category: g.category,
          urgency: g.urgency,
          confidential: g.confidential,
          status: 'open',
          text_sealed: await this.seal(trx, members, `grievance:${id}`, g.text),
          text_members: JSON.stringify(members),
          received_at: g.receivedAt,
          due_at: g.dueAt,
          created_by: actor.name,
          created_role: actor.role,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('grievance_events')
        .values({
          grievance_id: id,
          kind: 'filed',
          from_status: null,
          to_status: 'open',
          text_sealed: null,
          actor: actor.name,
          role: actor.role,
          at,
        })
        .execute();
      // A confidential grievance's audit line names no case and no category: only that one exists.
      await appendAudit(trx, actor, {
        action: 'grievance.add',
        entity: 'grievance',
        entityId: id,
        detail: g.confidential
          ? { confidential: true }
          : {
              case: g.householdId,
              channel: g.channel,
              category: g.category,
              urgency: g.urgency,
            },
      });
      return (await this.read(trx, id, true))!;
    });
  }

  get(id: string, options: { includeConfidential: boolean }) {
    return this.read(this.db, id, options.includeConfidential);
  }

  private async read(
    db: Db,
    id: string,
    includeConfidential: boolean,
  ): Promise<StoredGrievance | undefined> {
    const row = await db
      .selectFrom('grievances')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || (row.confidential && !includeConfidential)) return undefined;
    const members = row.text_members ?? [];
    const events = await db
      .selectFrom('grievance_events')
      .selectAll()
      .where('grievance_id', '=', id)
      .orderBy('id')
      .execute();
    const history: GrievanceEvent[] = [];
    for (const e of events)
      history.push({
        kind: e.kind as GrievanceEvent['kind'],
        from: e.from_status,
        to: e.to_status,
        text: e.text_sealed
          ? await this.open(db, members, eventRecord(id, e.kind, iso(e.at)), e.text_sealed)
          : null,
        actor: e.actor,
        role: e.role,
        at: iso(e.at),
      });
    return {
      ...summaryOf(row),
      text: await this.open(db, members, `grievance:${id}`, row.text_sealed),
      history,
    };
  }

  async list(filter: GrievanceFilter): Promise<GrievanceSummary[]> {
    let q = this.db.selectFrom('grievances').selectAll();
    if (!filter.includeConfidential) q = q.where('confidential', '=', false);
    if (filter.householdId) q = q.where('household_id', '=', filter.householdId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.overdueAt)
      q = q
        .where('status', 'in', ['open', 'acknowledged', 'escalated'])
        .where('due_at', '<', filter.overdueAt);
    const rows = await q.orderBy('due_at').orderBy('id').execute();
    return rows.map(summaryOf);
  }

  change(
    id: string,
    change: GrievanceChange,
    actor: Actor,
    options: { includeConfidential: boolean },
  ): Promise<StoredGrievance> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .selectFrom('grievances')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row || (row.confidential && !options.includeConfidential))
        throw errors.notFound('grievance', id);
      change.check(row.status);
      const at = new Date();
      const members = row.text_members ?? [];
      const sealed =
        change.text === null
          ? null
          : await this.seal(
              trx,
              members,
              eventRecord(id, change.kind, at.toISOString()),
              change.text,
            );
      await trx
        .updateTable('grievances')
        .set({ status: change.to, updated_at: at })
        .where('id', '=', id)
        .execute();
      await trx
        .insertInto('grievance_events')
        .values({
          grievance_id: id,
          kind: change.kind,
          from_status: row.status,
          to_status: change.to,
          text_sealed: sealed,
          actor: actor.name,
          role: actor.role,
          at,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: change.kind === 'response' ? 'grievance.respond' : 'grievance.update-status',
        entity: 'grievance',
        entityId: id,
        detail: { from: row.status, to: change.to, answered: change.text !== null },
      });
      return (await this.read(trx, id, true))!;
    });
  }

  fileAppeal(a: NewAppeal, actor: Actor): Promise<StoredAppeal> {
    return transact(this.db, async (trx) => {
      await sql`select pg_advisory_xact_lock(${appealLockKey})`.execute(trx);
      const last = await trx
        .selectFrom('appeals')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .executeTakeFirst();
      const seq = Number(last?.seq ?? 0) + 1;
      const id = `A-${String(seq).padStart(6, '0')}`;
      const members = await livingMembers(trx, a.householdId);
      await trx
        .insertInto('appeals')
        .values({
          id,
          seq,
          household_id: a.householdId,
          status: 'filed',
          grounds_sealed: await this.seal(trx, members, `appeal:${id}`, a.grounds),
          grounds_members: JSON.stringify(members),
          requested_destination_id: a.requestedDestinationId,
          plan_id: a.planId,
          destination_id: a.destinationId,
          explanation: JSON.stringify(a.explanation),
          filed_by: actor.name,
          filed_role: actor.role,
          filed_at: new Date(),
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'appeal.file',
        entity: 'appeal',
        entityId: id,
        detail: {
          case: a.householdId,
          planId: a.planId,
          destination: a.destinationId,
          requested: a.requestedDestinationId,
        },
      });
      return (await this.readAppeal(trx, id))!;
    });
  }

  appeal(id: string) {
    return this.readAppeal(this.db, id);
  }

  async appeals(filter: { householdId?: string; status?: string }): Promise<StoredAppeal[]> {
    let q = this.db.selectFrom('appeals').selectAll();
    if (filter.householdId) q = q.where('household_id', '=', filter.householdId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const rows = await q.orderBy('seq', 'desc').execute();
    const out: StoredAppeal[] = [];
    for (const r of rows) out.push(await this.appealOf(this.db, r));
    return out;
  }

  private async readAppeal(db: Db, id: string): Promise<StoredAppeal | undefined> {
    const row = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.appealOf(db, row) : undefined;
  }

  private async appealOf(db: Db, r: Selectable<AppealsTable>): Promise<StoredAppeal> {
    const members = r.grounds_members ?? [];
    const decided = r.decided_at && r.decided_by && r.decided_role;
    return {
      id: r.id,
      householdId: r.household_id,
      status: r.status as StoredAppeal['status'],
      grounds: await this.open(db, members, `appeal:${r.id}`, r.grounds_sealed),
      requestedDestinationId: r.requested_destination_id,
      planId: r.plan_id,
      destinationId: r.destination_id,
      explanation: r.explanation,
      filedBy: r.filed_by,
      filedRole: r.filed_role,
      filedAt: iso(r.filed_at),
      decision: decided
        ? {
            outcome: r.status as 'upheld' | 'rejected',
            reason: await this.open(db, members, `appeal-decision:${r.id}`, r.reason_sealed),
            by: r.decided_by!,
            role: r.decided_role!,
            at: iso(r.decided_at!),
            newDestinationId: r.new_destination_id,
            newPlanId: r.new_plan_id,
          }
        : null,
    };
  }

  decideAppeal(id: string, d: AppealDecision, actor: Actor): Promise<StoredAppeal> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .selectFrom('appeals')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw errors.notFound('appeal', id);
      if (row.status !== 'filed')
        throw errors.conflict(`appeal ${id} was already decided (${row.status})`);
      const members = row.grounds_members ?? [];
      await trx
        .updateTable('appeals')
        .set({
          status: d.outcome,
          reason_sealed: await this.seal(trx, members, `appeal-decision:${id}`, d.reason),
          decided_by: actor.name,
          decided_role: actor.role,
          decided_at: new Date(),
          new_destination_id: d.newDestinationId,
          new_plan_id: d.newPlanId,
        })
        .where('id', '=', id)
        .execute();
      const change =
        d.outcome === 'upheld'
          ? `appeal ${id} upheld: allocation ${row.destination_id ?? 'none'} -> ${d.newDestinationId ?? 'none'} (plan ${d.newPlanId ?? '-'})`
          : `appeal ${id} rejected`;
      await writeEditHistory(trx, this.vault, row.household_id, change, d.reason, actor);
      await appendAudit(trx, actor, {
        action: 'appeal.decide',
        entity: 'appeal',
        entityId: id,
        detail: {
          case: row.household_id,
          outcome: d.outcome,
          from: row.destination_id,
          to: d.newDestinationId,
          planId: d.newPlanId,
        },
      });
      return (await this.readAppeal(trx, id))!;
    });
  }
}

/** What binds an event's sealed words to its grievance, kind and time. */
function eventRecord(id: string, kind: string, at: string): string {
  return `grievance:${id}:${kind}:${at}`;
}
