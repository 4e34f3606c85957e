/**
 * A planner reassigns one case to another movement by hand (the web's drag and drop, `POST
 * /api/timetable/move`, `corridor move-case`): the check says whether it fits, the reassignment
 * saves a new timetable version with the case there and locks it so later runs keep it.
 */
import { checkMove, errors, plannedKgPerPerson, type MoveCheck } from '@corridor/core';
import { timetableView, type Actor, type Store, type StoredPlan } from '@corridor/storage';
import { movementSummary } from '../checkin/state.js';
import { emitPlanPublished } from '../plan/emit-published.js';

/** Which case to which movement, in which plan. */
export interface ReassignRequest {
  caseId: string;
  movementId: string;
  /** The joint plan instead of the timetable. */
  joint?: boolean;
}

export type { MoveCheck };

/** What a reassignment saved. */
export interface ReassignResult extends MoveCheck {
  plan: { id: number; version: number; kind: 'timetable' | 'joint' };
  reason: string;
}

/** Checks a reassignment against the current plan and the movement's load in it. */
export async function checkReassign(store: Store, request: ReassignRequest): Promise<MoveCheck> {
  return (await inspectMove(store, request)).check;
}

/** The check, and the plan it was made against. */
async function inspectMove(
  store: Store,
  request: ReassignRequest,
): Promise<{ check: MoveCheck; plan: StoredPlan }> {
  const kind = request.joint ? 'joint' : 'timetable';
  const household = await store.registry.household(request.caseId);
  if (!household || household.mergedInto) throw errors.notFound('case', request.caseId);
  const plan = await store.plans.current(kind);
  const view = plan ? await timetableView(store, kind) : undefined;
  if (!plan || !view)
    throw errors.invalidInput(`there is no ${kind} plan yet; run \`corridor schedule\` first`);
  const target = view.find((m) => m.id === request.movementId);
  if (!target) throw errors.notFound('movement', request.movementId);
  const assignment = plan.assignments.find((a) => a.householdId === household.id);
  const destinationId =
    assignment?.destinationId ??
    (await store.plans.current('allocation'))?.assignments.find(
      (a) => a.householdId === household.id,
    )?.destinationId ??
    null;
  const persons = household.members.filter((m) => !m.mergedInto).length;
  const from = assignment?.movementId ?? null;
  // On the day, a no-show's seat is free (as the desk counts it): a standby case may take it.
  const noShows = (await movementSummary(store, target.id)).noShow;
  const findings = checkMove(
    { persons, destinationId, onTarget: from === target.id, status: household.status },
    {
      id: target.id,
      destinationId: target.destinationId,
      status: target.status,
      load: {
        persons: target.persons - noShows,
        seats: target.seats,
        kg: (target.persons - noShows) * plannedKgPerPerson,
        baggageKg: target.baggageKg,
      },
    },
  );
  const check = {
    case: household.id,
    persons,
    destinationId,
    from,
    to: target.id,
    planId: plan.id,
    ok: findings.every((f) => f.ok),
    findings,
  };
  return { check, plan };
}

/**
 * Reassigns the case if the check passes: a new version of the plan (based on the one checked, so a
 * plan saved meanwhile refuses the move with `plan-changed`) and a lock, in one transaction, with
 * the new version announced as `plan.published`.
 */
export async function reassignCase(
  store: Store,
  actor: Actor,
  request: ReassignRequest & { reason: string },
): Promise<ReassignResult> {
  const { check, plan: parent } = await inspectMove(store, request);
  if (!check.ok)
    throw errors.moveRefused(
      check.case,
      check.to,
      check.findings.filter((f) => !f.ok).map((f) => f.text),
    );
  const kind = request.joint ? 'joint' : 'timetable';
  const reason = `moved by hand from ${check.from ?? 'no movement'}: ${request.reason}`;
  const moved = {
    householdId: check.case,
    destinationId: check.destinationId,
    movementId: check.to,
    locked: true,
    reason,
  };
  const assignments = parent.assignments.some((a) => a.householdId === check.case)
    ? parent.assignments.map((a) => (a.householdId === check.case ? moved : a))
    : [...parent.assignments, moved];
  const manualMove = { case: check.case, from: check.from, to: check.to, reason: request.reason };
  const { plan } = await store.plans.saveWithLock(
    {
      kind,
      params: { ...parent.params, manualMove },
      // The figures are the parent's: a move by hand is not re-optimised.
      summary: {
        ...parent.summary,
        manualMove,
        figuresOfPlan: parent.summary.figuresOfPlan ?? parent.id,
      },
      parentId: parent.id,
      basedOn: parent.id,
      assignments,
    },
    {
      householdId: check.case,
      destinationId: check.destinationId,
      movementId: check.to,
      reason: request.reason,
    },
    actor,
  );
  await emitPlanPublished({ store }, plan);
  return {
    ...check,
    plan: { id: plan.id, version: plan.version, kind },
    reason: request.reason,
  };
}
