/** PledgeStore over Kysely: the registry writer's one-row writes, a history row and an audit event each. */
import type { Destination, Pledge } from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { deletePledge, writeDestination, writePledge } from '../registry/registry-writer.js';
import type { PledgeChange, PledgeStore } from './pledge-store.js';

type ChangeInput = Omit<PledgeChange, 'id' | 'at' | 'actor' | 'role'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

async function record(trx: Db, actor: Actor, c: ChangeInput): Promise<PledgeChange> {
  const row = await trx
    .insertInto('pledge_changes')
    .values({
      actor: actor.name,
      role: actor.role,
      kind: c.kind,
      destination_id: c.destinationId,
      period_start: c.periodStart,
      action: c.action,
      before: c.before === null ? null : JSON.stringify(c.before),
      after: c.after === null ? null : JSON.stringify(c.after),
      reason: c.reason,
    })
    .returning(['id', 'at'])
    .executeTakeFirstOrThrow();
  await appendAudit(trx, actor, {
    action:
      c.kind === 'destination'
        ? 'destination.set'
        : `pledge.${c.action === 'removed' ? 'remove' : 'set'}`,
    entity: c.kind,
    entityId: c.periodStart ? `${c.destinationId}/${c.periodStart}` : c.destinationId,
    detail: { action: c.action, before: c.before, after: c.after },
  });
  return {
    ...c,
    id: row.id,
    at: new Date(row.at).toISOString(),
    actor: actor.name,
    role: actor.role,
  };
}

async function destinationOf(trx: Db, id: string): Promise<Destination | null> {
  const d = await trx
    .selectFrom('destinations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) return null;
  return {
    id: d.id,
    country: d.country as Destination['country'],
    name: d.name,
    maxHouseholdSize: d.max_household_size,
    medicalPlaces: d.medical_places,
    disabilityPlaces: d.disability_places,
    languages: d.languages as Destination['languages'],
    requiresTies: d.requires_ties,
    leadTimeDays: d.lead_time_days,
    arrivalAirports: d.arrival_airports,
    pauses: d.pauses as Destination['pauses'],
  };
}

async function pledgeOf(
  trx: Db,
  destinationId: string,
  periodStart: string,
): Promise<Pledge | null> {
  const p = await trx
    .selectFrom('pledges')
    .selectAll()
    .where('destination_id', '=', destinationId)
    .where('period_start', '=', periodStart)
    .executeTakeFirst();
  if (!p) return null;
  return {
    destinationId: p.destination_id,
    periodStart: p.period_start as Pledge['periodStart'],
    periodEnd: p.period_end as Pledge['periodEnd'],
    persons: p.persons,
    cases: p.cases,
    medicalPlaces: p.medical_places,
  };
}

/** The pledge store. */
export class KyselyPledges implements PledgeStore {
  constructor(private readonly db: Kysely<Database>) {}

  setDestination(d: Destination, reason: string, actor: Actor): Promise<PledgeChange | null> {
    return transact(this.db, async (trx) => {
      const before = await destinationOf(trx, d.id);
      if (before && same(before, d)) return null;
      await writeDestination(trx, d);
      return record(trx, actor, {
        kind: 'destination',
        destinationId: d.id,
        periodStart: null,
        action: before ? 'changed' : 'added',
        before,
        after: d,
        reason,
      });
    });
  }

  setPledge(p: Pledge, reason: string, actor: Actor): Promise<PledgeChange | null> {
    return transact(this.db, async (trx) => {
      const before = await pledgeOf(trx, p.destinationId, p.periodStart);
      if (before && same(before, p)) return null;
      await writePledge(trx, p);
      return record(trx, actor, {
        kind: 'pledge',
        destinationId: p.destinationId,
        periodStart: p.periodStart,
        action: before ? 'changed' : 'added',
        before,
        after: p,
        reason,
      });
    });
  }

  removePledge(
    destinationId: string,
    periodStart: string,
    reason: string,
    actor: Actor,
  ): Promise<PledgeChange | null> {
    return transact(this.db, async (trx) => {
      const before = await pledgeOf(trx, destinationId, periodStart);
      if (!before) return null;
      await deletePledge(trx, destinationId, periodStart);
      return record(trx, actor, {
        kind: 'pledge',
        destinationId,
        periodStart,
        action: 'removed',
        before,
        after: null,
        reason,
      });
    });
  }

  async changes(destinationId?: string, limit = 1000): Promise<PledgeChange[]> {
    let q = this.db.selectFrom('pledge_changes').selectAll().orderBy('id', 'desc').limit(limit);
    if (destinationId) q = q.where('destination_id', '=', destinationId);
    return (await q.execute()).map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: r.actor,
      role: r.role,
      kind: r.kind,
      destinationId: r.destination_id,
      periodStart: r.period_start,
      action: r.action,
      before: r.before,
      after: r.after,
      reason: r.reason,
    }));
  }
}
