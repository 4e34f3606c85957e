/** The timetable as people read it: each movement with the cases the current plan puts on it. */
import { schedulableStatuses, type Movement } from '@corridor/core';
import type { Store } from '../store.js';

/** A movement and who the plan puts on it. */
export interface TimetableRow extends Movement {
  /** Case ids on the movement. */
  cases: string[];
  /** Persons in each of those cases, in the same order. */
  casePersons: number[];
  /** Persons in those cases. */
  persons: number;
}

/** Every movement by departure with its cases in the current timetable (or joint) plan. */
export async function timetableView(
  store: Store,
  kind: 'timetable' | 'joint',
): Promise<TimetableRow[] | undefined> {
  const plan = await store.plans.current(kind);
  if (!plan) return undefined;
  const { cases } = await store.registry.planningCases([
    ...schedulableStatuses,
    'departed',
    'arrived',
  ]);
  const persons = new Map(cases.map((c) => [c.id, c.persons]));
  const on = new Map<string, string[]>();
  for (const a of plan.assignments)
    if (a.movementId) on.set(a.movementId, [...(on.get(a.movementId) ?? []), a.householdId]);
  return (await store.movements.list()).map((m) => {
    const ids = on.get(m.id) ?? [];
    const sizes = ids.map((id) => persons.get(id) ?? 0);
    return { ...m, cases: ids, casePersons: sizes, persons: sizes.reduce((s, n) => s + n, 0) };
  });
}
