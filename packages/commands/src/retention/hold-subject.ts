/** Naming what a legal hold covers: exactly one of a person or a case. */
import { errors, IdSchema } from '@corridor/core';

/** `person` or `case`, one of them. */
export const HoldSubjectInput = {
  person: IdSchema.optional().describe('the person held'),
  case: IdSchema.optional().describe('the case held (all its members)'),
};

/** The subject named by the input, or a 400 naming the fields. */
export function holdSubject(
  input: { person?: string | undefined; case?: string | undefined },
  command: string,
): { subject: 'person' | 'case'; subjectId: string } {
  if (input.person !== undefined && input.case !== undefined)
    throw errors.invalidInput(
      `invalid input for ${command} at person: give a person or a case, not both`,
    );
  if (input.person !== undefined) return { subject: 'person', subjectId: input.person };
  if (input.case !== undefined) return { subject: 'case', subjectId: input.case };
  throw errors.invalidInput(`invalid input for ${command} at person: name a person or a case`);
}
