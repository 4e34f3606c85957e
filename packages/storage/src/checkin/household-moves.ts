/** Moves households along the workflow as their members check in, board, arrive or fail to come. */
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
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';
import type { Db } from '../db/batch.js';
import { transitionCaseIn } from '../registry/move-case.js';
import type { HouseholdMove } from './checkin-store.js';
import { householdMembers, readEvents } from './checkin-events.js';

/**
 * For each household on the movement: scheduled → checked-in once someone is there, → departed
 * once everyone boarded, → arrived once everyone arrived, and back to scheduled when nobody
 * came. Each move is checked against the workflow and the actor's role, and writes history and
 * audit; a household elsewhere in the workflow is left where it is, with the reason.
 */
export async function moveHouseholds(
  trx: Db,
  movementId: string,
  householdIds: readonly string[],
  actor: Actor,
  reason: string,
): Promise<HouseholdMove[]> {
  const ids = [...new Set(householdIds)];
  const members = await householdMembers(trx, ids);
  const states = foldCheckins(
    await readEvents(trx, { movementId, personIds: members.map((m) => m.id) }),
  );
  const moves: HouseholdMove[] = [];
  for (const id of ids) {
    const statuses = members
      .filter((m) => m.household_id === id)
      .map((m) => states.get(checkinKey(movementId, m.id))?.status);
    const target = householdTarget(statuses);
    const row = await trx
      .selectFrom('households')
      .select(['status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !target || row.status === target) continue;
    let from = row.status as CaseStatus;
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
      const refusal = isRole(actor.role) ? checkTransition(from, to, actor.role) : undefined;
      if (refusal || !isRole(actor.role)) {
        moves.push({
          householdId: id,
          from,
          to,
          done: false,
          reason: refusal
            ? describeRefusal(from, to, actor.role as never, refusal)
            : 'unknown role',
        });
        break;
      }
      const role = actor.role;
      await transitionCaseIn(trx, id, to, reason, actor, (now, resumeTo) =>
        decideTransition(id, now, to, role, resumeTo),
      );
      moves.push({ householdId: id, from, to, done: true });
      from = to;
    }
  }
  return moves;
}
