/** ProcedureStore over Kysely: notes sealed under the keys of the case's members. */
import {
  errors,
  type IsoDate,
  type ProcedureOutcome,
  type ProcedureTemplate,
} from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database } from '../db/schema.js';
import { transact } from '../db/transact.js';
import { personKeys } from '../registry/person-keys.js';
import { openForMembers, sealForMembers } from '../registry/sealed-text.js';
import type { Vault } from '../vault/vault.js';
import type {
  ProcedureStepFilter,
  ProcedureStepWrite,
  ProcedureStore,
  StoredProcedureStep,
} from './procedure-store.js';

const noteId = (s: { caseId: string; state: string; step: string }) =>
  `procedure:${s.caseId}:${s.state}:${s.step}`;

/** ProcedureStore over Kysely. */
export class KyselyProcedures implements ProcedureStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  async caseStatuses(caseIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ids = [...new Set(caseIds)];
    for (let i = 0; i < ids.length; i += 5000)
      for (const r of await this.db
        .selectFrom('households')
        .select(['id', 'status'])
        .where('id', 'in', ids.slice(i, i + 5000))
        .where('merged_into', 'is', null)
        .execute())
        out.set(r.id, r.status);
    return out;
  }

  async template(state: string): Promise<ProcedureTemplate | undefined> {
    const row = await this.db
      .selectFrom('procedure_templates')
      .select(['state', 'steps'])
      .where('state', '=', state)
      .executeTakeFirst();
    return row ? { state: row.state, steps: row.steps } : undefined;
  }

  async templates(): Promise<ProcedureTemplate[]> {
    const rows = await this.db
      .selectFrom('procedure_templates')
      .select(['state', 'steps'])
      .orderBy('state')
      .execute();
    return rows.map((r) => ({ state: r.state, steps: r.steps }));
  }

  setTemplate(template: ProcedureTemplate, actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      const steps = JSON.stringify(template.steps);
      await trx
        .insertInto('procedure_templates')
        .values({ state: template.state, steps, updated_by: actor.name })
        .onConflict((oc) =>
          oc.column('state').doUpdateSet({ steps, updated_by: actor.name, updated_at: new Date() }),
        )
        .execute();
      await appendAudit(trx, actor, {
        action: 'procedure.template-set',
        entity: 'procedure-template',
        entityId: template.state,
        detail: { steps: template.steps.map((s) => s.step) },
      });
    });
  }

  async steps(filter: ProcedureStepFilter = {}, withNotes = false): Promise<StoredProcedureStep[]> {
    let q = this.db
      .selectFrom('procedure_steps')
      .selectAll()
      .orderBy('household_id')
      .orderBy('state')
      .orderBy('step');
    if (filter.caseIds) {
      if (filter.caseIds.length === 0) return [];
      q = q.where('household_id', 'in', [...filter.caseIds]);
    }
    if (filter.state !== undefined) q = q.where('state', '=', filter.state);
    if (filter.expiresBy !== undefined) q = q.where('expires', '<=', filter.expiresBy);
    const rows = await q.execute();
    const members = withNotes ? [...new Set(rows.flatMap((r) => r.note_members ?? []))] : [];
    const keys = await personKeys(this.db, this.vault, members);
    return rows.map((r) => {
      const step = {
        caseId: r.household_id,
        state: r.state,
        step: r.step,
        date: (r.date ?? null) as IsoDate | null,
        outcome: r.outcome as ProcedureOutcome,
        expires: (r.expires ?? null) as IsoDate | null,
      };
      return {
        ...step,
        note:
          withNotes && r.note_sealed
            ? openForMembers(this.vault, keys, r.note_members ?? [], noteId(step), r.note_sealed)
            : null,
        updatedAt: r.updated_at.toISOString(),
        updatedBy: r.updated_by,
      };
    });
  }

  record(steps: readonly ProcedureStepWrite[], actor: Actor, action: string): Promise<number> {
    return transact(this.db, async (trx) => {
      const cases = [...new Set(steps.map((s) => s.caseId))];
      const memberRows = cases.length
        ? await trx
            .selectFrom('persons')
            .select(['id', 'household_id'])
            .where('household_id', 'in', cases)
            .where('merged_into', 'is', null)
            .execute()
        : [];
      const membersOf = new Map<string, string[]>();
      for (const m of memberRows)
        membersOf.set(m.household_id, [...(membersOf.get(m.household_id) ?? []), m.id]);
      const withNote = steps.filter((s) => s.note);
      const keys = await personKeys(trx, this.vault, [
        ...new Set(withNote.flatMap((s) => membersOf.get(s.caseId) ?? [])),
      ]);
      const now = new Date();
      for (const s of steps) {
        let sealed: Buffer | null = null;
        let members: string[] | null = null;
        if (s.note) {
          members = membersOf.get(s.caseId) ?? [];
          sealed = sealForMembers(this.vault, keys, members, noteId(s), s.note) ?? null;
          // Without every member's key the note could not be kept as their data is: refuse it.
          if (!sealed)
            throw errors.conflict(
              `the note on case ${s.caseId} cannot be sealed: a member's personal data was erased; record the step without a note`,
            );
        }
        const values = {
          date: s.date,
          outcome: s.outcome,
          expires: s.expires,
          note_sealed: sealed,
          note_members: members ? JSON.stringify(members) : null,
          updated_at: now,
          updated_by: actor.name,
        };
        await trx
          .insertInto('procedure_steps')
          .values({ household_id: s.caseId, state: s.state, step: s.step, ...values })
          .onConflict((oc) => oc.columns(['household_id', 'state', 'step']).doUpdateSet(values))
          .execute();
      }
      await appendAudit(trx, actor, {
        action,
        entity: 'case',
        entityId: cases.length === 1 ? cases[0]! : '*',
        detail: {
          steps: steps.length,
          cases: cases.length,
          states: [...new Set(steps.map((s) => s.state))].sort(),
          names: [...new Set(steps.map((s) => s.step))].sort(),
          outcomes: Object.fromEntries(
            [...new Set(steps.map((s) => s.outcome))].map((o) => [
              o,
              steps.filter((s) => s.outcome === o).length,
            ]),
          ),
        },
      });
      return steps.length;
    });
  }
}
