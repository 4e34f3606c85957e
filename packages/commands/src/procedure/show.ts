/** `procedure.show`: a case's procedures, one per host state, with its ready and latest dates. */
import { errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { StandingOut } from './schemas.js';
import { dayOf, standings } from './standing.js';

/** A case's procedures per state; notes as the role may see case notes. */
export const showProcedures = defineCommand({
  name: 'procedure.show',
  summary: 'Show a case’s host-state procedures: steps per state, ready date and latest date',
  input: z.object({ caseId: IdSchema.describe('the case (household)') }),
  output: z.object({ case: z.string(), states: z.array(StandingOut) }),
  permission: 'procedure.read',
  audit: null,
  async run({ store, now }, { caseId }) {
    if (!(await store.procedures.caseStatuses([caseId])).has(caseId))
      throw errors.notFound('case', caseId);
    return {
      case: caseId,
      states: await standings(store, dayOf(now), { caseIds: [caseId] }, true),
    };
  },
});
