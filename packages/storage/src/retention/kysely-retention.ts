/** Retention on Kysely, for PGlite and PostgreSQL alike. */
import { randomUUID } from 'node:crypto';
import {
  defaultRetentionRules,
  errors,
  type ProcessingFacts,
  type RetentionAnchor,
  type RetentionRule,
} from '@corridor/core';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import type { Database, LegalHoldsTable } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { personKeys } from '../registry/person-keys.js';
import { openForMembers, sealForMembers } from '../registry/sealed-text.js';
import type { Vault } from '../vault/vault.js';
import type { ErasureBatch } from '../keys/erasure-batch.js';
import { applyRetention, reclaimShredded } from './apply-retention.js';
import { processingFacts } from './processing-facts.js';
import type {
  HoldSubject,
  LegalHold,
  RetentionReport,
  RetentionSchedule,
  RetentionStore,
} from './retention-store.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The persons a hold's reason concerns: the person, or the living members of the case. */
async function membersOf(db: Db, subject: HoldSubject, id: string): Promise<string[]> {
  if (subject === 'person') {
    const person = await db
      .selectFrom('persons')
      .select(['id', 'erased_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!person) throw errors.notFound('person', id);
    if (person.erased_at) throw errors.alreadyErased(id);
    return [id];
  }
  const household = await db
    .selectFrom('households')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!household) throw errors.notFound('case', id);
  const rows = await db
    .selectFrom('persons')
    .select('id')
    .where('household_id', '=', id)
    .where('erased_at', 'is', null)
    .where('merged_into', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Retention schedules, legal holds and reports over one database or transaction. */
export class KyselyRetention implements RetentionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
    private readonly backupRetentionDays: number | null = null,
    /** The erasure batch whose key rotation also makes a shredding final on disk. */
    private readonly erasures?: ErasureBatch,
  ) {}

  async schedules(): Promise<RetentionSchedule[]> {
    const rows = await this.db.selectFrom('retention_schedules').selectAll().execute();
    const set = new Map(rows.map((r) => [r.category, r]));
    return defaultRetentionRules.map((rule) => {
      const row = set.get(rule.category);
      if (!row) return { ...rule, isDefault: true, updatedBy: null, updatedAt: null };
      return {
        category: rule.category,
        days: row.days,
        after: row.after as RetentionAnchor,
        isDefault: false,
        updatedBy: row.updated_by,
        updatedAt: iso(row.updated_at),
      };
    });
  }

  async setSchedule(rule: RetentionRule, actor: Actor, now: Date): Promise<RetentionSchedule> {
    return transact(this.db, async (trx) => {
      const before = (await new KyselyRetention(trx, this.vault).schedules()).find(
        (s) => s.category === rule.category,
      );
      await trx
        .insertInto('retention_schedules')
        .values({
          category: rule.category,
          days: rule.days,
          after: rule.after,
          updated_by: actor.name,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('category').doUpdateSet({
            days: rule.days,
            after: rule.after,
            updated_by: actor.name,
            updated_at: now,
          }),
        )
        .execute();
      await appendAudit(trx, actor, {
        action: 'retention.set',
        entity: 'retention',
        entityId: rule.category,
        detail: {
          days: rule.days,
          after: rule.after,
          before: before ? { days: before.days, after: before.after } : null,
        },
      });
      return { ...rule, isDefault: false, updatedBy: actor.name, updatedAt: now.toISOString() };
    });
  }

  private async present(rows: Selectable<LegalHoldsTable>[]): Promise<LegalHold[]> {
    const keys = await personKeys(
      this.db,
      this.vault,
      rows.flatMap((r) => r.reason_members ?? []),
    );
    return rows.map((r) => ({
      id: r.id,
      subject: r.subject as HoldSubject,
      subjectId: r.subject_id,
      reason:
        r.reason_sealed && r.reason_members
          ? openForMembers(this.vault, keys, r.reason_members, r.id, r.reason_sealed)
          : '(erased)',
      placedBy: r.placed_by,
      placedAt: iso(r.placed_at)!,
      releasedBy: r.released_by,
      releasedAt: iso(r.released_at),
    }));
  }

  async holds(options: { active?: boolean } = {}): Promise<LegalHold[]> {
    let q = this.db.selectFrom('legal_holds').selectAll().orderBy('placed_at', 'desc');
    if (options.active) q = q.where('released_at', 'is', null);
    return this.present(await q.execute());
  }

  async holdsOn(personId: string): Promise<LegalHold[]> {
    const rows = await this.db
      .selectFrom('legal_holds')
      .selectAll()
      .where('released_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb.and([eb('subject', '=', 'person'), eb('subject_id', '=', personId)]),
          eb.and([
            eb('subject', '=', 'case'),
            eb(
              'subject_id',
              'in',
              eb.selectFrom('persons').select('household_id').where('id', '=', personId),
            ),
          ]),
        ]),
      )
      .execute();
    return this.present(rows);
  }

  async placeHold(
    input: { subject: HoldSubject; subjectId: string; reason: string },
    actor: Actor,
    now: Date,
  ): Promise<LegalHold> {
    return transact(this.db, async (trx) => {
      const members = await membersOf(trx, input.subject, input.subjectId);
      const active = await trx
        .selectFrom('legal_holds')
        .select('id')
        .where('subject', '=', input.subject)
        .where('subject_id', '=', input.subjectId)
        .where('released_at', 'is', null)
        .executeTakeFirst();
      if (active)
        throw errors.conflict(
          `${input.subject} ${input.subjectId} is already under legal hold ${active.id}`,
        );
      const id = `LH-${randomUUID().slice(0, 8)}`;
      const keys = await personKeys(trx, this.vault, members);
      const sealed = sealForMembers(this.vault, keys, members, id, input.reason) ?? null;
      await trx
        .insertInto('legal_holds')
        .values({
          id,
          subject: input.subject,
          subject_id: input.subjectId,
          reason_sealed: sealed,
          reason_members: sealed ? JSON.stringify(members) : null,
          placed_by: actor.name,
          placed_at: now,
        })
        .execute();
      await appendAudit(trx, actor, {
        action: 'legal-hold.place',
        entity: input.subject,
        entityId: input.subjectId,
        detail: { hold: id, persons: members.length },
      });
      return {
        id,
        subject: input.subject,
        subjectId: input.subjectId,
        reason: sealed ? input.reason : '(erased)',
        placedBy: actor.name,
        placedAt: now.toISOString(),
        releasedBy: null,
        releasedAt: null,
      };
    });
  }

  async releaseHold(
    input: { subject: HoldSubject; subjectId: string },
    actor: Actor,
    now: Date,
  ): Promise<LegalHold> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .updateTable('legal_holds')
        .set({ released_by: actor.name, released_at: now })
        .where('subject', '=', input.subject)
        .where('subject_id', '=', input.subjectId)
        .where('released_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.notFound(`active legal hold on ${input.subject}`, input.subjectId);
      await appendAudit(trx, actor, {
        action: 'legal-hold.release',
        entity: input.subject,
        entityId: input.subjectId,
        detail: { hold: row.id },
      });
      const [hold] = await new KyselyRetention(trx, this.vault).present([row]);
      return hold!;
    });
  }

  async apply(asOf: Date, options: { dryRun: boolean }, actor: Actor): Promise<RetentionReport> {
    const rules = await this.schedules();
    const run = async (trx: Db) => {
      const report = await applyRetention(trx, this.vault, rules, asOf, options.dryRun, actor);
      if (options.dryRun) return report;
      const id = `RR-${randomUUID().slice(0, 8)}`;
      // Items shredded with secrets of their own are final once the generation wrapping the
      // secrets is destroyed: the run waits for the erasure batch's rotation, like an erasure.
      const rotate = report.categories.some((c) => c.shredded > c.notFinal);
      if (rotate)
        await trx
          .insertInto('key_erasures')
          .values({ person_id: id, erased_at: asOf, kind: 'shred' })
          .execute();
      const kept: RetentionReport = {
        ...report,
        id,
        final: !rotate,
        finalBy: rotate ? (this.erasures?.schedule() ?? asOf).toISOString() : null,
      };
      await trx
        .insertInto('retention_reports')
        .values({
          id,
          ran_at: kept.ranAt,
          as_of: asOf,
          actor: actor.name,
          report: JSON.stringify(kept),
        })
        .execute();
      const counts: Record<string, unknown> = {};
      for (const c of kept.categories)
        counts[c.category] = { due: c.due, shredded: c.shredded, held: c.held };
      await appendAudit(trx, actor, {
        action: 'retention.run',
        entity: 'retention',
        entityId: id,
        detail: { asOf: asOf.toISOString(), categories: counts },
      });
      return kept;
    };
    // A dry run reads inside a transaction too, so its figures are one consistent snapshot.
    return transact(this.db, run);
  }

  reclaim(): Promise<void> {
    return reclaimShredded(this.db);
  }

  async facts(): Promise<ProcessingFacts> {
    const pending = await this.db
      .selectFrom('key_erasures')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('final_at', 'is', null)
      .executeTakeFirstOrThrow();
    return processingFacts(this.db, {
      keyGeneration: this.vault.generation,
      pendingErasures: Number(pending.n),
      backupRetentionDays: this.backupRetentionDays,
      retention: (await this.schedules()).map((s) => ({
        category: s.category,
        days: s.days,
        after: s.after,
        isDefault: s.isDefault,
      })),
    });
  }

  async reports(limit: number): Promise<RetentionReport[]> {
    const rows = await this.db
      .selectFrom('retention_reports as r')
      .leftJoin('key_erasures as k', (j) =>
        j.onRef('k.person_id', '=', 'r.id').on('k.kind', '=', 'shred'),
      )
      .select(['r.report', 'k.final_at'])
      .orderBy('r.ran_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => {
      const report = r.report as unknown as RetentionReport;
      // Reports kept before shredding could be final (0024) name nothing final: all stay readable.
      if (report.final === undefined)
        return {
          ...report,
          final: false,
          finalBy: null,
          categories: report.categories.map((c) => ({ ...c, notFinal: c.shredded })),
        };
      return r.final_at
        ? { ...report, final: true, finalBy: new Date(r.final_at).toISOString() }
        : report;
    });
  }
}
