/**
 * The rule that a household travels together, in one place for the check-in command
 * (`commands/src/checkin/split.ts`) and the offline desk (`web/src/lib/together.ts`): a case-mate
 * booked on the movement who is not checked in or boarded is "apart". Pure and import-free, so the
 * web can take it without the rest of core.
 */

/** Whether a check-in status puts a person at the gate with their household. */
export function atTheGate(status: string | null | undefined): boolean {
  return status === 'checked-in' || status === 'boarded';
}

/** The members of `mates` other than `personId` who are not at the gate (in their order). */
export function matesApart<T extends { personId: string; status?: string | null | undefined }>(
  mates: readonly T[],
  personId: string,
): T[] {
  return mates.filter((m) => m.personId !== personId && !atTheGate(m.status));
}
