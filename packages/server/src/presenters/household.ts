/** A case as one role may see it: the field policy from core applied to every member and note. */
import { hiddenFields, redactNote, redactPerson, type Role } from '@corridor/core';
import type { HouseholdView } from '@corridor/storage';

/** The case with personal data redacted for `role`, and the list of fields that were hidden. */
export function presentHousehold(view: HouseholdView, role: Role) {
  return {
    ...view,
    members: view.members.map((m) => ({ ...redactPerson(m, role), erased: m.pii === null })),
    history: view.history.map((e) => ({ ...e, reason: redactNote(e.reason, role) })),
    hiddenFields: hiddenFields(role),
  };
}
