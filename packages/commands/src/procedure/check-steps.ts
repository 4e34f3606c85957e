/**
 * Checks steps to record (one typed at the CLI, or every row of a file) against their states'
 * templates, the registry and the steps already recorded; every problem names row, field, reason.
 */
import { stepProblems, type ProcedureStep, type StepProblem } from '@corridor/core';
import type { Store } from '@corridor/storage';
import { templateLookup } from './standing.js';

/** A problem with one step to record: its row (1 for a single step), field and reason. */
export interface RowProblem extends StepProblem {
  row: number;
}

/** Every problem of `steps` (each with its row); empty when all may be written. */
export async function checkSteps(
  store: Store,
  steps: readonly (ProcedureStep & { row: number })[],
): Promise<RowProblem[]> {
  const problems: RowProblem[] = [];
  const statuses = await store.procedures.caseStatuses(steps.map((s) => s.caseId));
  const states = new Set((await store.registry.destinations()).map((d) => d.id));
  const templateFor = await templateLookup(store);
  const stored = await store.procedures.steps({ caseIds: [...statuses.keys()] });
  const groupOf = (s: { caseId: string; state: string }) => `${s.caseId}\u0000${s.state}`;
  const incomingBy = bucket(steps, groupOf);
  const storedBy = bucket(stored, groupOf);
  const seen = new Map<string, number>();
  for (const s of steps) {
    const key = `${s.caseId}\u0000${s.state}\u0000${s.step}`;
    const twice = seen.get(key);
    if (twice !== undefined)
      problems.push({
        row: s.row,
        field: 'step',
        reason: `${s.step} of case ${s.caseId} with ${s.state} is also on row ${twice}`,
      });
    seen.set(key, s.row);
  }
  for (const s of steps) {
    if (!statuses.has(s.caseId)) {
      problems.push({ row: s.row, field: 'caseId', reason: `no case ${s.caseId}` });
      continue;
    }
    if (!states.has(s.state)) {
      problems.push({ row: s.row, field: 'state', reason: `no destination ${s.state}` });
      continue;
    }
    // The case's steps with this state as they will be: the stored ones, replaced by these.
    const incoming = incomingBy.get(groupOf(s)) ?? [];
    const names = new Set(incoming.map((o) => o.step));
    const kept = (storedBy.get(groupOf(s)) ?? []).filter((o) => !names.has(o.step));
    // Against its predecessors as they will be; against successors only as already recorded (a
    // successor in the same file is judged against this step on its own row).
    for (const p of stepProblems(templateFor(s.state), s, [...kept, ...incoming], kept))
      problems.push({ row: s.row, ...p });
  }
  return problems.sort((a, b) => a.row - b.row);
}

/** One line per problem: `row 3, expires: expiry … before …`. */
export function problemLines(problems: readonly RowProblem[]): string[] {
  return problems.map((p) => `row ${p.row}, ${p.field}: ${p.reason}`);
}

function bucket<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(key(r));
    if (list) list.push(r);
    else out.set(key(r), [r]);
  }
  return out;
}
