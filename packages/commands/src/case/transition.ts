/** `case.transition`: moves a case to another status along the workflow (`corridor case move`). */
import { caseStatuses, decideTransition, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { requireNotRefused } from '../consent/require.js';
import { defineCommand } from '../define.js';
import { moveCase } from './move-case.js';
import { TransitionOut } from './schemas.js';

/**
 * A status transition: the policy lets every role but the auditor ask; the workflow table then
 * decides, from the case's current status (read under lock), whether this role may make this move.
 * A referral is refused (409 `no-consent`, naming them) while a member's registration consent is
 * refused or withdrawn. Subscribers hear `case.status-changed` (and `arrival.confirmed`).
 */
export const transitionCase = defineCommand({
  name: 'case.transition',
  summary: 'Move a case to another status (the workflow and your role must allow it)',
  input: z.object({
    id: IdSchema,
    to: z.enum(caseStatuses, {
      // A status is no personal data: naming the unknown one helps whoever typed it.
      error: (issue) =>
        `unknown status "${String(issue.input)}"; statuses: ${caseStatuses.join(', ')}`,
    }),
    reason: z.string().trim().min(3, 'a reason of at least 3 characters is required').max(1000),
  }),
  output: TransitionOut,
  permission: 'case.transition',
  audit: 'case.move',
  async run({ store, actor, now }, { id, to, reason }) {
    // Referring the case sends its members' data to a state: not for a person who refused to be registered.
    if (to === 'referred')
      await requireNotRefused(
        { store },
        (await store.checkin.members([id])).map((m) => m.personId),
        'registration',
      );
    const entry = await moveCase({ store, now }, actor, {
      id,
      to,
      reason,
      check: (from, resumeTo) => decideTransition(id, from, to, actor.role, resumeTo),
    });
    return { case: id, ...entry };
  },
});
