/** Reads templates and recorded steps and turns them into each case's standing per state. */
import {
  defaultProcedureTemplate,
  procedureStanding,
  type IsoDate,
  type ProcedureTemplate,
} from '@corridor/core';
import type { ProcedureStepFilter, Store, StoredProcedureStep } from '@corridor/storage';
import type { z } from 'zod';
import type { StandingOut } from './schemas.js';

/** The template of `state`: the one set, or the default. */
export async function templateOf(
  store: Store,
  state: string,
): Promise<ProcedureTemplate & { stored: boolean }> {
  const set = await store.procedures.template(state);
  return set ? { ...set, stored: true } : { ...defaultProcedureTemplate(state), stored: false };
}

/** Every state's template by id (set ones, else the default on demand). */
export async function templateLookup(store: Store): Promise<(state: string) => ProcedureTemplate> {
  const set = new Map((await store.procedures.templates()).map((t) => [t.state, t]));
  return (state) => set.get(state) ?? defaultProcedureTemplate(state);
}

/** The standing of every (case, state) with recorded steps matching `filter`. */
export async function standings(
  store: Store,
  today: IsoDate,
  filter: ProcedureStepFilter = {},
  withNotes = false,
): Promise<z.input<typeof StandingOut>[]> {
  const steps = await store.procedures.steps(filter, withNotes);
  const templateFor = await templateLookup(store);
  const groups = new Map<string, StoredProcedureStep[]>();
  for (const s of steps) {
    const key = `${s.caseId}\u0000${s.state}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()].map((list) => {
    const { caseId, state } = list[0]!;
    const template = templateFor(state);
    const order = new Map(template.steps.map((t, k) => [t.step, k]));
    const sorted = [...list].sort(
      (a, b) =>
        (order.get(a.step) ?? 99) - (order.get(b.step) ?? 99) || a.step.localeCompare(b.step),
    );
    return {
      case: caseId,
      state,
      ...procedureStanding(template, list, today),
      steps: sorted.map((s) => ({
        step: s.step,
        date: s.date,
        outcome: s.outcome,
        expires: s.expires,
        note: s.note,
        updatedAt: s.updatedAt,
        updatedBy: s.updatedBy,
      })),
    };
  });
}

/** Today in the command's clock, as a day. */
export function dayOf(now: Date): IsoDate {
  return now.toISOString().slice(0, 10) as IsoDate;
}
