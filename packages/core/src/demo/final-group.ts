/**
 * The demo's final group: the last residents the main host state decides on, whose procedure ends
 * in the window's last days, so the plan flies them together on the final charter (the 280 of the
 * reference case). Deterministic and drawn from no random stream.
 */
import type { ProcedureStep, ProcedureTemplate } from '../procedures.js';
import type { CaseLink, Household, Need, OperationData, Person, Tie } from '../schemas.js';
import { addDays, type IsoDate } from '../units.js';

/** Persons in the final group and seats on the final charter, as in the reference operation. */
export const finalMovementSeats = 280;

/** The final group's size: 280, or about a fifth of the main host state's places if fewer. */
export function finalGroupSize(mainPledged: number): number {
  return Math.max(0, Math.min(finalMovementSeats, Math.round(mainPledged * 0.21)));
}

/** The main host state's procedure in the demo: its steps and their typical durations. */
export function demoMainProcedure(state: string): ProcedureTemplate {
  return {
    state,
    steps: [
      { step: 'dossier', typicalDays: 0, expires: false, required: true },
      { step: 'interview', typicalDays: 90, expires: false, required: true },
      { step: 'decision', typicalDays: 60, expires: false, required: true },
      { step: 'visa', typicalDays: 21, expires: true, required: true },
      { step: 'exit-permit', typicalDays: 10, expires: true, required: true },
      { step: 'fit-to-travel', typicalDays: 2, expires: true, required: true, recheck: true },
    ],
  };
}

/** What the final group is drawn from. */
interface FinalGroupSource {
  households: readonly Household[];
  persons: readonly Person[];
  needs: readonly Need[];
  links: readonly CaseLink[];
  ties: readonly Tie[];
}

// Verified cases still to be referred or decided; on hold or unverified cases wait for other reasons.
const waiting = new Set(['verified', 'referred', 'accepted']);
// Needs that call for medical places or special seats are planned case by case, not in the group.
const caseByCase = new Set(['SM', 'DS']);

/**
 * The households of the final group: the last registered cases that are verified, travel and
 * settle with no linked case, have no tie elsewhere and no medical or disability need, taken from
 * the end of the register until exactly `size` persons (fewer only if the register runs out).
 */
export function finalGroup(source: FinalGroupSource, size: number): string[] {
  const members = new Map<string, number>();
  for (const p of source.persons) members.set(p.householdId, (members.get(p.householdId) ?? 0) + 1);
  const householdOf = new Map(source.persons.map((p) => [p.id, p.householdId]));
  const excluded = new Set<string>([
    ...source.links.flatMap((l) => [l.a, l.b]),
    ...source.ties.map((t) => t.householdId),
    ...source.needs.filter((n) => caseByCase.has(n.code)).map((n) => householdOf.get(n.personId)!),
  ]);
  const out: string[] = [];
  let left = size;
  for (let i = source.households.length - 1; i >= 0 && left > 0; i--) {
    const h = source.households[i]!;
    const n = members.get(h.id) ?? 0;
    if (!waiting.has(h.status) || excluded.has(h.id) || n === 0 || n > left) continue;
    out.push(h.id);
    left -= n;
  }
  return out.reverse();
}

/**
 * The final group's procedure with the main host state: dossier, interview and a positive decision
 * recorded so that the steps left (visa, exit permit, fit-to-travel) end three days before the
 * window's last day; the planner reads that as their ready day.
 */
export function finalGroupProcedure(
  template: ProcedureTemplate,
  caseIds: readonly string[],
  windowEnd: IsoDate,
): ProcedureStep[] {
  const at = template.steps.findIndex((s) => s.step === 'decision');
  const after = template.steps.slice(at + 1).reduce((s, d) => s + d.typicalDays, 0);
  const decision = addDays(windowEnd, -3 - after);
  const dates = new Map<string, IsoDate>();
  let day = decision;
  for (let k = at; k >= 0; k--) {
    dates.set(template.steps[k]!.step, day);
    day = addDays(day, -template.steps[k]!.typicalDays);
  }
  return caseIds.flatMap((caseId) =>
    template.steps.slice(0, at + 1).map((s) => ({
      caseId,
      state: template.state,
      step: s.step,
      date: dates.get(s.step)!,
      outcome: s.step === 'decision' ? ('positive' as const) : ('done' as const),
      expires: null,
    })),
  );
}

/**
 * The demo's host-state procedures: the main host state's template and the final group's steps
 * with it (the group is found again from the operation's data, as the generator chose it).
 */
export function generateDemoProcedures(data: OperationData): {
  templates: ProcedureTemplate[];
  steps: ProcedureStep[];
} {
  const pledged = new Map<string, number>();
  for (const p of data.pledges)
    pledged.set(p.destinationId, (pledged.get(p.destinationId) ?? 0) + p.persons);
  const main = [...pledged].sort((a, b) => b[1] - a[1])[0];
  if (!main) return { templates: [], steps: [] };
  const template = demoMainProcedure(main[0]);
  const group = finalGroup(data, finalGroupSize(main[1]));
  return {
    templates: [template],
    steps: finalGroupProcedure(template, group, data.operation.windowEnd),
  };
}
