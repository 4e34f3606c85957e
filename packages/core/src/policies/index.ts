/**
 * Who may do what, per resource and action: the one place a reviewer reads it. Every command names
 * a permission from here; the CLI, the API and the web ask the same `can`.
 */
import { errors } from '../errors.js';
import type { Role } from '../roles.js';
import { arrivalPolicy } from './arrival.js';
import { auditPolicy } from './audit.js';
import { casePolicy } from './case.js';
import { consentPolicy } from './consent.js';
import { custodyPolicy } from './custody.js';
import { appealPolicy, grievancePolicy } from './grievance.js';
import { disclosurePolicy } from './disclosure.js';
import { incidentPolicy } from './incident.js';
import { messagePolicy } from './message.js';
import { movementPolicy } from './movement.js';
import { operationPolicy } from './operation.js';
import { personPolicy } from './person.js';
import { planPolicy } from './plan.js';
import { procedurePolicy } from './procedure.js';
import { propertyPolicy } from './property.js';
import { registryPolicy } from './registry.js';
import { retentionPolicy } from './retention.js';
import { dpoPolicy } from './dpo.js';
import type { PolicyActor, Rule } from './rule.js';
import { userPolicy } from './user.js';
import { webhookPolicy } from './webhook.js';

export type { PolicyActor, Rule } from './rule.js';
export { decideTransition } from './case.js';
export { confidentialGrievanceRoles } from './grievance.js';

const policies = [
  operationPolicy,
  casePolicy,
  personPolicy,
  registryPolicy,
  planPolicy,
  movementPolicy,
  incidentPolicy,
  propertyPolicy,
  custodyPolicy,
  auditPolicy,
  userPolicy,
  webhookPolicy,
  retentionPolicy,
  dpoPolicy,
  grievancePolicy,
  appealPolicy,
  consentPolicy,
  disclosurePolicy,
  procedurePolicy,
  messagePolicy,
  arrivalPolicy,
] as const;

type PolicyOf<P> = P extends { resource: infer R extends string; actions: infer A }
  ? `${R}.${keyof A & string}`
  : never;

/** A permission: `resource.action`, e.g. `property.write`. */
export type Permission = PolicyOf<(typeof policies)[number]>;

/** Every permission with its rule. */
export const permissions: Readonly<Record<Permission, Rule>> = Object.fromEntries(
  policies.flatMap((p) =>
    Object.entries(p.actions).map(([action, rule]) => [`${p.resource}.${action}`, rule]),
  ),
) as Record<Permission, Rule>;

/** Narrows a string to a permission. */
export function isPermission(value: string): value is Permission {
  return Object.hasOwn(permissions, value);
}

/** The roles a permission allows before any record check. */
export function rolesAllowed(permission: Permission): readonly Role[] {
  return permissions[permission].roles;
}

/** Why `actor` may not take `permission` (on `record`, when given), or null when it may. */
export function refusal(
  actor: PolicyActor,
  permission: Permission,
  record?: unknown,
): string | null {
  const rule = permissions[permission];
  if (!rule.roles.includes(actor.role))
    return `role ${actor.role} may not ${permission} (allowed: ${rule.roles.join(', ')})`;
  if (record !== undefined && rule.refuse) return rule.refuse(actor, record);
  return null;
}

/** True when `actor` may take `permission` (on `record`, when given). */
export function can(actor: PolicyActor, permission: Permission, record?: unknown): boolean {
  return refusal(actor, permission, record) === null;
}

/** Throws the catalogue's `forbidden` error unless `actor` may take `permission`. */
export function authorize(actor: PolicyActor, permission: Permission, record?: unknown): void {
  const why = refusal(actor, permission, record);
  if (why !== null) throw errors.notPermitted(permission, why);
}

/** Every permission a role holds (before record checks): what /api/me tells the web. */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissions) as Permission[]).filter((p) =>
    permissions[p].roles.includes(role),
  );
}
