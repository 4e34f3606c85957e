/** Test helper: a case's status transition as the `case.transition` command makes it. */
import { decideTransition, type CaseStatus, type Role } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';
import type { Store } from '../store.js';

/** Moves case `id` to `to` for `actor`, the workflow table deciding for the actor's role. */
export function move(store: Store, id: string, to: CaseStatus, reason: string, actor: Actor) {
  return store.registry.transitionCase(id, to, reason, actor, (from, resumeTo) =>
    decideTransition(id, from, to, actor.role as Role, resumeTo),
  );
}
