/** Plans and locks on Kysely (PGlite and PostgreSQL). */
import { errors } from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches, type Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import type { NewPlan, PlanKind, PlanLock, PlanStore, StoredPlan } from './plan-store.js';
import { transact } from '../db/transact.js';

const planKinds: PlanKind[] = ['allocation', 'timetable', 'joint'];

type PlanRow = {
  id: number;
  kind: string;
  version: number;
  status: string;
  parent_id: number | null;
  params: Record<string, unknown>;
  summary: Record<string, unknown>;
  created_by: string;
  created_at: Date;
};

function header(r: PlanRow): Omit<StoredPlan, 'assignments'> {
  return {
    id: r.id,
    kind: r.kind as PlanKind,
    version: r.version,
    status: r.status as StoredPlan['status'],
    parentId: r.parent_id,
    params: r.params,
    summary: r.summary,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

async function withAssignments(db: Db, row: PlanRow | undefined): Promise<StoredPlan | undefined> {
  if (!row) return undefined;
  const rows = await db
    .selectFrom('plan_assignments')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy('household_id')
    .execute();
  return {
    ...header(row),
    assignments: rows.map((a) => ({
      householdId: a.household_id,
      destinationId: a.destination_id,
      movementId: a.movement_id,
      locked: a.locked,
      reason: a.reason,
    })),
  };
}

/** Saves a plan as the next version of its kind inside `trx` (see PlanStore.save). */
async function saveIn(trx: Db, plan: NewPlan, actor: Actor): Promise<StoredPlan> {
  // One writer per plan kind at a time, so versions never collide.
  await sql`select pg_advisory_xact_lock(7270302, ${planKinds.indexOf(plan.kind)})`.execute(trx);
  if (plan.basedOn !== undefined) {
    const current = await trx
      .selectFrom('plans')
      .select('id')
      .where('kind', '=', plan.kind)
      .where('status', '=', 'current')
      .executeTakeFirst();
    if ((current?.id ?? null) !== plan.basedOn)
      throw errors.planChanged(
        plan.kind,
        plan.basedOn === null ? 'no plan' : `plan ${plan.basedOn}`,
        current ? `plan ${current.id}` : 'no plan',
      );
  }
  const last = await trx
    .selectFrom('plans')
    .select(sql<number>`coalesce(max(version), 0)::int`.as('v'))
    .where('kind', '=', plan.kind)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('plans')
    .set({ status: 'superseded' })
    .where('kind', '=', plan.kind)
    .where('status', '=', 'current')
    .execute();
  const row = await trx
    .insertInto('plans')
    .values({
      kind: plan.kind,
      version: last.v + 1,
      status: 'current',
      parent_id: plan.parentId ?? null,
      params: JSON.stringify(plan.params),
      summary: JSON.stringify(plan.summary),
      created_by: actor.name,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertInBatches(
    trx,
    'plan_assignments',
    plan.assignments.map((a) => ({
      plan_id: row.id,
      household_id: a.householdId,
      destination_id: a.destinationId,
      movement_id: a.movementId,
      locked: a.locked,
      reason: a.reason,
    })),
  );
  await appendAudit(trx, actor, {
    action: 'plan.save',
    entity: 'plan',
    entityId: String(row.id),
    detail: { kind: plan.kind, version: row.version, assignments: plan.assignments.length },
  });
  return (await withAssignments(trx, row as PlanRow)) as StoredPlan;
}

/** Locks a case inside `trx` (see PlanStore.lock); the command checked the case, destination and movement. */
async function lockIn(
  trx: Db,
  lock: Omit<PlanLock, 'actor' | 'at'>,
  actor: Actor,
): Promise<PlanLock> {
  const at = new Date().toISOString();
  const values = {
    household_id: lock.householdId,
    destination_id: lock.destinationId,
    movement_id: lock.movementId,
    actor: actor.name,
    reason: lock.reason,
    at,
  };
  await trx
    .insertInto('plan_locks')
    .values(values)
    .onConflict((oc) =>
      oc.column('household_id').doUpdateSet({
        destination_id: values.destination_id,
        movement_id: values.movement_id,
        actor: values.actor,
        reason: values.reason,
        at,
      }),
    )
    .execute();
  await appendAudit(trx, actor, {
    action: 'plan.lock',
    entity: 'household',
    entityId: lock.householdId,
    detail: { destination: lock.destinationId, movement: lock.movementId },
  });
  return { ...lock, actor: actor.name, at };
}

/** PlanStore over Kysely. */
export class KyselyPlans implements PlanStore {
  constructor(private readonly db: Kysely<Database>) {}

  save(plan: NewPlan, actor: Actor): Promise<StoredPlan> {
    return transact(this.db, (trx) => saveIn(trx, plan, actor));
  }

  saveWithLock(
    plan: NewPlan,
    lock: Omit<PlanLock, 'actor' | 'at'>,
    actor: Actor,
  ): Promise<{ plan: StoredPlan; lock: PlanLock }> {
    return transact(this.db, async (trx) => ({
      plan: await saveIn(trx, plan, actor),
      lock: await lockIn(trx, lock, actor),
    }));
  }

  async current(kind: PlanKind): Promise<StoredPlan | undefined> {
    const row = await this.db
      .selectFrom('plans')
      .selectAll()
      .where('kind', '=', kind)
      .where('status', '=', 'current')
      .executeTakeFirst();
    return withAssignments(this.db, row as PlanRow | undefined);
  }

  async get(id: number): Promise<StoredPlan | undefined> {
    const row = await this.db
      .selectFrom('plans')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return withAssignments(this.db, row as PlanRow | undefined);
  }

  async list(kind?: PlanKind): Promise<Omit<StoredPlan, 'assignments'>[]> {
    let q = this.db.selectFrom('plans').selectAll().orderBy('id', 'desc');
    if (kind) q = q.where('kind', '=', kind);
    return (await q.execute()).map((r) => header(r as PlanRow));
  }

  lock(lock: Omit<PlanLock, 'actor' | 'at'>, actor: Actor): Promise<PlanLock> {
    return transact(this.db, (trx) => lockIn(trx, lock, actor));
  }

  unlock(householdId: string, actor: Actor): Promise<boolean> {
    return transact(this.db, async (trx) => {
      const r = await trx
        .deleteFrom('plan_locks')
        .where('household_id', '=', householdId)
        .executeTakeFirst();
      const removed = Number(r.numDeletedRows) > 0;
      if (removed)
        await appendAudit(trx, actor, {
          action: 'plan.unlock',
          entity: 'household',
          entityId: householdId,
        });
      return removed;
    });
  }

  async locks(): Promise<PlanLock[]> {
    const rows = await this.db
      .selectFrom('plan_locks')
      .selectAll()
      .orderBy('household_id')
      .execute();
    return rows.map((r) => ({
      householdId: r.household_id,
      destinationId: r.destination_id,
      movementId: r.movement_id,
      actor: r.actor,
      reason: r.reason,
      at: new Date(r.at).toISOString(),
    }));
  }
}
