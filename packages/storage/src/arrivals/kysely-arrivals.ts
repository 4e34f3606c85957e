/** ArrivalStore over Kysely. */
import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type {
  ArrivalConfirmationsTable,
  ArrivalLinksTable,
  Database,
  FollowUpsTable,
} from '../db/schema.js';
import { transact } from '../db/transact.js';
import type {
  ArrivalConfirmation,
  ArrivalLink,
  ArrivalStore,
  FollowUp,
  FollowUpFilter,
  NewConfirmation,
} from './arrival-store.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : iso(d).slice(0, 10));

function confirmationOf(r: Selectable<ArrivalConfirmationsTable>): ArrivalConfirmation {
  return {
    id: r.id,
    householdId: r.household_id,
    partner: r.partner,
    via: r.via,
    arrivedOn: day(r.arrived_on),
    actor: r.actor,
    role: r.role,
    recordedAt: iso(r.recorded_at),
  };
}

function linkOf(r: Selectable<ArrivalLinksTable>): ArrivalLink {
  return {
    id: r.id,
    householdId: r.household_id,
    partner: r.partner,
    expiresAt: iso(r.expires_at),
    usedAt: r.used_at ? iso(r.used_at) : null,
    createdBy: r.created_by,
    createdRole: r.created_role,
    createdAt: iso(r.created_at),
  };
}

function followUpOf(r: Selectable<FollowUpsTable>): FollowUp {
  return {
    householdId: r.household_id,
    month: r.month,
    dueOn: day(r.due_on),
    doneOn: r.done_on ? day(r.done_on) : null,
    outcome: r.outcome,
    actor: r.actor,
    role: r.role,
    recordedAt: r.recorded_at ? iso(r.recorded_at) : null,
  };
}

/** ArrivalStore over Kysely. */
export class KyselyArrivals implements ArrivalStore {
  constructor(private readonly db: Kysely<Database>) {}

  confirm(c: NewConfirmation, actor: Actor): Promise<ArrivalConfirmation> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .insertInto('arrival_confirmations')
        .values({
          household_id: c.householdId,
          partner: c.partner,
          via: c.via,
          arrived_on: c.arrivedOn,
          actor: actor.name,
          role: actor.role,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      // The first confirmation sets the follow-ups; a later one (the link after a user) keeps them.
      if (c.followUps.length > 0)
        await trx
          .insertInto('follow_ups')
          .values(
            c.followUps.map((f) => ({
              household_id: c.householdId,
              month: f.month,
              due_on: f.dueOn,
            })),
          )
          .onConflict((oc) => oc.columns(['household_id', 'month']).doNothing())
          .execute();
      await appendAudit(trx, actor, {
        action: 'arrival.confirm',
        entity: 'case',
        entityId: c.householdId,
        detail: { partner: c.partner, via: c.via, arrivedOn: c.arrivedOn },
      });
      return confirmationOf(row);
    });
  }

  async confirmations(householdId?: string): Promise<ArrivalConfirmation[]> {
    let q = this.db.selectFrom('arrival_confirmations').selectAll();
    if (householdId) q = q.where('household_id', '=', householdId);
    return (await q.orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute()).map(
      confirmationOf,
    );
  }

  createLink(
    link: { id: string; tokenHash: string; householdId: string; partner: string; expiresAt: Date },
    actor: Actor,
  ): Promise<ArrivalLink> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .insertInto('arrival_links')
        .values({
          id: link.id,
          token_hash: link.tokenHash,
          household_id: link.householdId,
          partner: link.partner,
          expires_at: link.expiresAt,
          created_by: actor.name,
          created_role: actor.role,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'arrival.link',
        entity: 'case',
        entityId: link.householdId,
        detail: { link: link.id, partner: link.partner, expiresAt: iso(link.expiresAt) },
      });
      return linkOf(row);
    });
  }

  async linkByHash(tokenHash: string): Promise<ArrivalLink | undefined> {
    const row = await this.db
      .selectFrom('arrival_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row ? linkOf(row) : undefined;
  }

  async takeLink(tokenHash: string, now: Date): Promise<ArrivalLink | undefined> {
    // One statement: of two requests with the same token, exactly one sees the row unused.
    const row = await this.db
      .updateTable('arrival_links')
      .set({ used_at: now })
      .where('token_hash', '=', tokenHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returningAll()
      .executeTakeFirst();
    return row ? linkOf(row) : undefined;
  }

  async followUps(filter: FollowUpFilter = {}): Promise<FollowUp[]> {
    let q = this.db.selectFrom('follow_ups').selectAll();
    if (filter.householdId) q = q.where('household_id', '=', filter.householdId);
    if (filter.dueBy) q = q.where('done_on', 'is', null).where('due_on', '<=', filter.dueBy);
    return (await q.orderBy('due_on').orderBy('household_id').orderBy('month').execute()).map(
      followUpOf,
    );
  }

  recordFollowUp(
    r: { householdId: string; month: number; doneOn: string; outcome: string },
    actor: Actor,
  ): Promise<FollowUp | undefined> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .updateTable('follow_ups')
        .set({
          done_on: r.doneOn,
          outcome: r.outcome,
          actor: actor.name,
          role: actor.role,
          recorded_at: new Date(),
        })
        .where('household_id', '=', r.householdId)
        .where('month', '=', r.month)
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      await appendAudit(trx, actor, {
        action: 'arrival.follow-up',
        entity: 'case',
        entityId: r.householdId,
        detail: { month: r.month, doneOn: r.doneOn, outcome: r.outcome },
      });
      return followUpOf(row);
    });
  }
}
