/** Shapes shared by the person commands: the reason every hand edit carries, and their answer. */
import { editablePersonFields, errors } from '@corridor/core';
import { z } from 'zod';
import type { CommandContext } from '../context.js';
import { PersonOut } from '../case/schemas.js';

/** Why a record is changed: kept in the case history, sealed under the members' keys. */
export const ReasonInput = z
  .string({ error: 'a reason is required' })
  .trim()
  .min(3, 'a reason of at least 3 characters is required')
  .max(1000);

/** What a hand edit of a person did, and the person as the editor's role may see them now. */
export const PersonEditOut = z.object({
  case: z.string(),
  personId: z.string(),
  version: z.number().int().describe('the version to send with the next edit'),
  changed: z
    .array(z.enum(editablePersonFields))
    .describe('the fields written; empty when the edit changed nothing (then nothing was written)'),
  at: z.string(),
  duplicatePairs: z
    .number()
    .int()
    .describe('likely duplicates of an added person queued for review (never merged silently)'),
  person: PersonOut.nullable().describe('the person now; null once removed'),
});
/** A person edit's answer (the type the web imports). */
export type PersonEditOut = z.infer<typeof PersonEditOut>;

/** The person as stored now, from their case (inside the command's transaction). */
export async function personNow(
  { store }: CommandContext,
  caseId: string,
  personId: string,
): Promise<z.input<typeof PersonOut> | null> {
  const view = await store.registry.household(caseId);
  const member = view?.members.find((m) => m.id === personId);
  return member ? { ...member, erased: member.pii === null } : null;
}

/** The 400 for a field whose rule depends on the clock, in the words `parseInput` uses. */
export function invalidField(command: string, field: string, message: string): Error {
  return errors.invalidInput(`invalid input for ${command} at ${field}: ${message}`, {
    issues: [{ path: field, message }],
  });
}
