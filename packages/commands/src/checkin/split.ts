/**
 * The boarding safeguard (issue 22): a household travels together. Boarding one of its members is
 * refused while another member booked on the movement is a no-show or has not been seen at the
 * desk, unless a protection officer has allowed this household to travel apart on this movement.
 */
import { checkinKey, errors, foldCheckins, matesApart } from '@corridor/core';
import type { Store } from '@corridor/storage';

/** The case-history change that records a protection officer's permission (no personal values). */
export const splitAllowed = (movementId: string) => `may travel apart on movement ${movementId}`;

/** Members of the household other than `personId` who are not at the desk for this movement. */
export async function membersApart(
  store: Store,
  movementId: string,
  householdId: string,
  personId: string,
): Promise<{ personId: string; status: string }[]> {
  const others = (await store.checkin.members([householdId]))
    .map((m) => m.personId)
    .filter((id) => id !== personId);
  if (others.length === 0) return [];
  const states = foldCheckins(await store.checkin.events({ movementId, personIds: others }));
  const mates = others.map((id) => ({
    personId: id,
    status: states.get(checkinKey(movementId, id))?.status,
  }));
  return matesApart(mates, personId).map((m) => ({
    personId: m.personId,
    status: m.status ?? 'not checked in',
  }));
}

/** Refuses to board `personId` apart from their household, unless the split was allowed. */
export async function checkTogether(
  store: Store,
  movementId: string,
  householdId: string,
  personId: string,
): Promise<void> {
  const apart = await membersApart(store, movementId, householdId, personId);
  if (apart.length === 0) return;
  if (await store.registry.caseNoted(householdId, splitAllowed(movementId))) return;
  throw errors.conflict(
    `case ${householdId} travels together: ${apart.map((m) => `${m.personId} is ${m.status}`).join(', ')}; ` +
      `board them together, or a protection officer may allow the case to travel apart ` +
      `(corridor checkin allow-split ${movementId} ${householdId} --reason …)`,
  );
}
