/**
 * The boarding safeguard on the device (issue 22), as `checkin.record` applies it online
 * (commands/src/checkin/split.ts): a household travels together, so boarding one member is refused
 * while another member booked on the movement is not checked in or boarded; checking one in while
 * the others are not yet there gets a warning. The rule itself is core's (`travel-together.ts`).
 */
import { atTheGate, matesApart } from '../../../core/src/travel-together.js';

/** A person on a desk list: who, their case, and their status as this device knows it. */
export interface DeskPerson {
  personId: string;
  householdId: string;
  status: string;
}

/** The members of `personId`'s case on this list who are not checked in or boarded. */
export function caseMatesApart(list: readonly DeskPerson[], personId: string): DeskPerson[] {
  const person = list.find((p) => p.personId === personId);
  if (!person) return [];
  return matesApart(
    list.filter((p) => p.householdId === person.householdId),
    personId,
  );
}

/** What the desk does with a record: write it, write it with a warning, or refuse it. */
export type TogetherVerdict =
  { kind: 'ok' } | { kind: 'warn' | 'refuse'; householdId: string; apart: DeskPerson[] };

/** The safeguard's verdict on recording `status` for `personId`. */
export function togetherVerdict(
  list: readonly DeskPerson[],
  personId: string,
  status: string,
): TogetherVerdict {
  if (!atTheGate(status)) return { kind: 'ok' };
  const apart = caseMatesApart(list, personId);
  if (apart.length === 0) return { kind: 'ok' };
  return {
    kind: status === 'boarded' ? 'refuse' : 'warn',
    householdId: apart[0]!.householdId,
    apart,
  };
}
