/** `person.add`: a person added by hand to an existing case (a newborn, say) — issue 22. */
import {
  BirthDateInput,
  birthDateProblem,
  IdSchema,
  NeedsInput,
  PersonNameInput,
  SexInput,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { invalidField, PersonEditOut, personNow, ReasonInput } from './schemas.js';

/**
 * Adds a person to a case: their name and birth date are encrypted under a new person key by the
 * registry's one writer of persons; the case history and the audit log name the fields, never
 * the values; likely duplicates go to the review queue.
 */
export const addPerson = defineCommand({
  name: 'person.add',
  summary:
    'Add a person to an existing case (a newborn, say); their data is encrypted under a new key',
  input: z.object({
    caseId: IdSchema.describe('the case (household) the person joins'),
    givenName: PersonNameInput,
    familyName: PersonNameInput,
    sex: SexInput,
    birthDate: BirthDateInput.optional().describe('YYYY-MM-DD, not in the future'),
    needs: NeedsInput.default([]),
    reason: ReasonInput.default('new member registered at the desk').describe(
      'why the person is added (kept sealed in the case history)',
    ),
  }),
  output: PersonEditOut,
  permission: 'person.add',
  audit: 'person.add',
  async run(ctx, input) {
    const problem = birthDateProblem(input.birthDate, ctx.now);
    if (problem) throw invalidField('person.add', 'birthDate', problem);
    const birthDate = input.birthDate ?? null;
    const added = await ctx.store.registry.addPerson(
      {
        householdId: input.caseId,
        sex: input.sex,
        birthYear: birthDate ? Number(birthDate.slice(0, 4)) : null,
        pii: { givenName: input.givenName, familyName: input.familyName, birthDate },
        needs: input.needs,
      },
      input.reason,
      ctx.actor,
    );
    return {
      case: added.householdId,
      ...added,
      person: await personNow(ctx, added.householdId, added.personId),
    };
  },
});
