/** The workflow cascade of check-in: households move on the day of travel as their members do. */
import {
  checkTransition,
  checkinKey,
  decideTransition,
  describeRefusal,
  foldCheckins,
  householdSteps,
  householdTarget,
  isRole,
  type CaseStatus,
  type HouseholdMove,
} from '@corridor/core';
import type { Actor } from '@corridor/storage';
import { moveCase } from '../case/move-case.js';
import type { EmitContext } from '../webhook/emit.js';

/**
 * Who moves households when merged records say so: check-in itself, in the role the workflow
 * gives day-of-travel steps to. It takes only the steps `householdSteps` names (scheduled →
 * checked-in → departed → arrived, or back to scheduled), never another transition.
 */
export function checkinSystemActor(mergedBy: string): Actor {
  return { name: `system:checkin-merge (merged by ${mergedBy})`, role: 'movement-officer' };
}

/**
 * For each household on the movement: scheduled → checked-in once someone is there, → departed
 * once everyone boarded, → arrived once everyone arrived, and back to scheduled when nobody
 * came. Each step is checked against the workflow table for `mover`'s role and written as a case
 * transition (history, audit, `case.status-changed`); a household elsewhere in the workflow stays,
 * with the reason.
 */
export async function moveHouseholds(
  ctx: EmitContext,
  movementId: string,
  householdIds: readonly string[],
  mover: Actor,
  reason: string,
): Promise<HouseholdMove[]> {
  const { store } = ctx;
  const ids = [...new Set(householdIds)].sort();
  const statuses = await store.checkin.lockHouseholds(ids);
  const members = await store.checkin.members(ids);
  const states = foldCheckins(
    await store.checkin.events({ movementId, personIds: members.map((m) => m.personId) }),
  );
  const moves: HouseholdMove[] = [];
  for (const id of ids) {
    const target = householdTarget(
      members
        .filter((m) => m.householdId === id)
        .map((m) => states.get(checkinKey(movementId, m.personId))?.status),
    );
    const current = statuses.get(id);
    if (current === undefined || !target || current === target) continue;
    let from = current as CaseStatus;
    const steps = householdSteps(from, target) as CaseStatus[];
    if (steps.length === 0) {
      moves.push({
        householdId: id,
        from,
        to: target,
        done: false,
        reason: `the case is ${from}, not on the day-of-travel path`,
      });
      continue;
    }
    for (const to of steps) {
      const refusal = isRole(mover.role) ? checkTransition(from, to, mover.role) : undefined;
      if (refusal || !isRole(mover.role)) {
        moves.push({
          householdId: id,
          from,
          to,
          done: false,
          reason: refusal
            ? describeRefusal(from, to, mover.role as never, refusal)
            : 'unknown role',
        });
        break;
      }
      const role = mover.role;
      await moveCase(ctx, mover, {
        id,
        to,
        reason,
        movementId,
        check: (now, resumeTo) => decideTransition(id, now, to, role, resumeTo),
      });
      moves.push({ householdId: id, from, to, done: true });
      from = to;
    }
  }
  return moves;
}
