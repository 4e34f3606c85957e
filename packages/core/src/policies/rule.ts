/** The shape of a policy: per resource, per action, who may act and, where it matters, on which record. */
import { roles, type Role } from '../roles.js';

/** Who acts, as a policy sees them. */
export interface PolicyActor {
  name: string;
  role: Role;
}

/**
 * One action's rule: the roles that may take it, and optionally a check of the record acted on
 * (a movement officer boards only passengers of movements being boarded, say).
 */
export interface Rule<R = unknown> {
  roles: readonly Role[];
  /** Why a role in `roles` is still refused for this record, or null when it may act on it. */
  refuse?: (actor: PolicyActor, record: R) => string | null;
}

/** Every role, the read-only auditor included. */
export const everyone: readonly Role[] = roles;
/** Every role but the read-only auditor. */
export const writers: readonly Role[] = roles.filter((r) => r !== 'auditor');
/** Roles that run planning: allocation, timetable, re-planning, locks. */
export const planners: readonly Role[] = ['admin', 'planner'];
/** Roles that handle boarding and so see manifests (names, birth dates, documents). */
export const boarding: readonly Role[] = [
  'admin',
  'registrar',
  'protection-officer',
  'movement-officer',
];
/** Only the administrator. */
export const adminOnly: readonly Role[] = ['admin'];

/** A rule from a role list, for the common case without a record check. */
export function rolesRule(allowed: readonly Role[]): Rule {
  return { roles: allowed };
}

/** Declares one resource's policy: `definePolicy('property', { read: …, write: … })`. */
export function definePolicy<const Res extends string, const A extends Record<string, Rule>>(
  resource: Res,
  actions: A,
): { resource: Res; actions: A } {
  return { resource, actions };
}
