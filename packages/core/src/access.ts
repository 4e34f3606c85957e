/** Who may call each route of the API: the one table the server and its authorization test obey (M11). */
import { rolesAllowed } from './policies/index.js';
import { roles, type Role } from './roles.js';

/** Who may call a route: `public` needs no login; otherwise the roles allowed. */
export type RouteAccess = 'public' | readonly Role[];

/** Every role, read-only auditor included: routes that only read counts or plans. */
const everyone: readonly Role[] = roles;
/** Every role that writes to the registry (all but the read-only auditor). */
const writers: readonly Role[] = roles.filter((r) => r !== 'auditor');

/** Roles that handle boarding and so see manifests (names, birth dates, documents). */
const boarding: readonly Role[] = ['admin', 'registrar', 'protection-officer', 'movement-officer'];

/** Roles that may erase a person's personal data (crypto-shredding); storage checks it too. */
export const erasureRoles: readonly Role[] = ['admin', 'protection-officer'];
/** Roles that run and cancel planning jobs (allocation, timetable, re-planning). */
export const plannerRoles: readonly Role[] = ['admin', 'planner'];
/** Roles that manage user accounts. */
export const userAdminRoles: readonly Role[] = ['admin'];

/**
 * The access table, keyed `METHOD /path` exactly as the route is registered. A route that is not
 * listed here cannot be defined (the server's route helper takes its key from this table).
 */
export const routeAccess = {
  'GET /healthz': 'public',
  'GET /openapi.json': 'public',
  'GET /docs': 'public',
  'GET /docs/docs.js': 'public',
  'GET /docs/docs.css': 'public',
  'GET /': 'public',
  'GET /*': 'public',
  'POST /api/login': 'public',
  'GET /api/public/stats': 'public',
  'POST /api/logout': everyone,
  'GET /api/me': everyone,
  'GET /api/status': everyone,
  'GET /api/report.pdf': everyone,
  'GET /api/cases': everyone,
  'GET /api/cases/:id': everyone,
  'POST /api/cases/:id/lock': plannerRoles,
  'POST /api/cases/:id/unlock': plannerRoles,
  'GET /api/locks': everyone,
  'POST /api/cases/:id/status': writers,
  'GET /api/dedup': ['admin', 'registrar', 'protection-officer', 'auditor'],
  'POST /api/dedup/scan': ['admin', 'registrar'],
  'POST /api/dedup/:id/decision': ['admin', 'registrar', 'protection-officer'],
  'GET /api/destinations': everyone,
  'GET /api/pledges': everyone,
  'GET /api/plans': everyone,
  'GET /api/plans/current': everyone,
  'GET /api/plans/:id': everyone,
  'GET /api/movements': rolesAllowed('movement.read'),
  'POST /api/movements': rolesAllowed('movement.write'),
  'PATCH /api/movements/:id': rolesAllowed('movement.write'),
  'GET /api/checkin/log': rolesAllowed('movement.exportCheckin'),
  'POST /api/checkin/merge': rolesAllowed('movement.mergeCheckin'),
  'GET /api/checkin/conflicts': rolesAllowed('movement.readCheckin'),
  'POST /api/checkin/resolve': rolesAllowed('movement.checkin'),
  'GET /api/allocation/explain/:householdId': everyone,
  'GET /api/allocation/fairness': everyone,
  'GET /api/timetable': everyone,
  'GET /api/timetable/check': plannerRoles,
  'POST /api/timetable/move': plannerRoles,
  'GET /api/hazard': everyone,
  'GET /api/movements/:id/manifest': boarding,
  'GET /api/movements/:id/checkin': rolesAllowed('movement.readCheckin'),
  'GET /api/movements/:id/checkin/persons': rolesAllowed('movement.readCheckin'),
  'GET /api/movements/:id/checkin/summary': rolesAllowed('movement.readCheckin'),
  'POST /api/checkin': rolesAllowed('movement.checkin'),
  'POST /api/import': ['admin', 'registrar'],
  'GET /api/export/:what': everyone,
  'POST /api/plans/allocate': plannerRoles,
  'POST /api/plans/schedule': plannerRoles,
  'POST /api/replan': plannerRoles,
  // Jobs carry plan summaries (case ids and counts, never personal data), like GET /api/plans.
  'GET /api/jobs': everyone,
  'GET /api/jobs/:id': everyone,
  'POST /api/jobs/:id/cancel': plannerRoles,
  'GET /api/audit/verify': rolesAllowed('audit.read'),
  'GET /api/audit/head': rolesAllowed('audit.read'),
  'GET /api/audit/events': rolesAllowed('audit.read'),
  'GET /api/users': userAdminRoles,
  'POST /api/users': userAdminRoles,
  'POST /api/users/:username/disable': userAdminRoles,
  'POST /api/persons/:id/erase': erasureRoles,
  'GET /api/incidents': rolesAllowed('incident.read'),
  'POST /api/incidents': rolesAllowed('incident.write'),
  'POST /api/incidents/import': rolesAllowed('incident.write'),
  'GET /api/property': rolesAllowed('property.read'),
  'GET /api/property/report': rolesAllowed('property.read'),
  'POST /api/property/assets': rolesAllowed('property.write'),
  'POST /api/property/offers': rolesAllowed('property.write'),
  'POST /api/property/restrictions': rolesAllowed('property.write'),
  'POST /api/property/sales': rolesAllowed('property.write'),
  'POST /api/property/assets/:id/abandon': rolesAllowed('property.write'),
  'GET /api/persons/:id/belongings': rolesAllowed('custody.read'),
  'GET /api/belongings': rolesAllowed('custody.read'),
  'POST /api/persons/:id/belongings': rolesAllowed('custody.write'),
  'POST /api/belongings/:id/events': rolesAllowed('custody.write'),
  'GET /api/persons/:id/custody.pdf': everyone,
  'GET /api/custody/verify': rolesAllowed('custody.verify'),
} as const satisfies Record<string, RouteAccess>;

/** A route's key in the access table, e.g. `GET /api/cases/:id`. */
export type RouteKey = keyof typeof routeAccess;

/** True when a route needs no login. */
export function isPublicRoute(route: RouteKey): boolean {
  return routeAccess[route] === 'public';
}

/** The roles allowed on a route (every role for a public one). */
export function rolesFor(route: RouteKey): readonly Role[] {
  const access: RouteAccess = routeAccess[route];
  return access === 'public' ? roles : access;
}

/** True when `role` may call `route`. */
export function mayCall(route: RouteKey, role: Role): boolean {
  return rolesFor(route).includes(role);
}
