/** `person.update`: corrects one person (name spelling, birth date, sex, needs) — issue 22. */
import {
  BirthDateInput,
  birthDateProblem,
  editablePersonFields,
  errors,
  IdSchema,
  NeedsInput,
  PersonNameInput,
  SexInput,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { invalidField, PersonEditOut, personNow, ReasonInput } from './schemas.js';

/** The version of the record the editor saw (`members[].version` of the case), as a number or digits. */
const VersionInput = z
  .union(
    [
      z.number().int(),
      z
        .string()
        .regex(/^\d{1,10}$/)
        .transform(Number),
    ],
    {
      error: (issue) =>
        issue.input === undefined
          ? 'required: the version of the record you saw (case show lists it)'
          : 'must be a whole number',
    },
  )
  .refine((n) => n >= 1, { message: 'must be 1 or more' })
  .describe('the version of the record the edit is based on');

/**
 * Corrects a person with optimistic concurrency: `version` is the one the editor saw; when the
 * record changed since, the answer is 409 `stale-version` with the stored and the submitted values
 * side by side, and nothing is written.
 */
export const updatePerson = defineCommand({
  name: 'person.update',
  summary: "Correct a person's name, birth date, sex or needs (based on the version you saw)",
  input: z.object({
    id: IdSchema,
    version: VersionInput,
    givenName: PersonNameInput.optional(),
    familyName: PersonNameInput.optional(),
    sex: SexInput.optional(),
    birthDate: BirthDateInput.nullable()
      .optional()
      .describe('YYYY-MM-DD, not in the future; null when not known'),
    needs: NeedsInput.optional().describe("the person's whole list of needs (replaces it)"),
    reason: ReasonInput.describe('why the record is corrected (kept sealed in the case history)'),
  }),
  output: PersonEditOut,
  permission: 'person.update',
  audit: 'person.update',
  async run(ctx, { id, version, reason, ...fields }) {
    if (editablePersonFields.every((f) => fields[f] === undefined))
      throw errors.invalidInput(
        `invalid input for person.update: give at least one field to change (${editablePersonFields.join(', ')})`,
      );
    const problem = birthDateProblem(fields.birthDate, ctx.now);
    if (problem) throw invalidField('person.update', 'birthDate', problem);
    const edit = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const done = await ctx.store.registry.updatePerson(id, { ...edit, version }, reason, ctx.actor);
    return {
      case: done.householdId,
      ...done,
      person: await personNow(ctx, done.householdId, id),
    };
  },
});
