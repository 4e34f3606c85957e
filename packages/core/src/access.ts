/** Who may call each route of the API: the one table the server and its authorization test obey (M11). */
import { rolesAllowed } from './policies/index.js';
import { roles, type Role } from './roles.js';

/** Who may call a route: `public` needs no login; otherwise the roles allowed. */
export type RouteAccess = 'public' | readonly Role[];

/** Every role, read-only auditor included: routes that only read counts or plans. */
const everyone: readonly Role[] = roles;

/** Roles that handle boarding and so see manifests (names, birth dates, documents). */
const boarding: readonly Role[] = ['admin', 'registrar', 'protection-officer', 'movement-officer'];

/** Roles that may erase a person's personal data (crypto-shredding); storage checks it too. */
export const erasureRoles: readonly Role[] = ['admin', 'protection-officer'];
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
  'POST /api/me/password': everyone,
  'GET /api/status': rolesAllowed('operation.read'),
  'POST /api/demo': rolesAllowed('operation.create'),
  'GET /api/backup': rolesAllowed('operation.backup'),
  'GET /api/report.pdf': everyone,
  'GET /api/report/outcome': rolesAllowed('operation.report'),
  'GET /api/cases': rolesAllowed('case.read'),
  'GET /api/cases/:id': rolesAllowed('case.read'),
  'POST /api/cases/:id/lock': rolesAllowed('plan.lock'),
  'POST /api/cases/:id/unlock': rolesAllowed('plan.lock'),
  'GET /api/locks': rolesAllowed('plan.read'),
  'POST /api/cases/:id/status': rolesAllowed('case.transition'),
  'GET /api/dedup': rolesAllowed('registry.readDuplicates'),
  'POST /api/dedup/scan': rolesAllowed('registry.scanDuplicates'),
  'POST /api/dedup/:id/decision': rolesAllowed('registry.decideDuplicate'),
  'GET /api/destinations': rolesAllowed('registry.readDestinations'),
  'GET /api/pledges': rolesAllowed('registry.readDestinations'),
  'POST /api/destinations': rolesAllowed('registry.negotiate'),
  'PATCH /api/destinations/:id': rolesAllowed('registry.negotiate'),
  'POST /api/pledges': rolesAllowed('registry.negotiate'),
  'POST /api/pledges/remove': rolesAllowed('registry.negotiate'),
  'GET /api/pledges/history': rolesAllowed('registry.readDestinations'),
  'GET /api/pledges/value': rolesAllowed('plan.read'),
  'GET /api/plans': rolesAllowed('plan.read'),
  'GET /api/plans/current': rolesAllowed('plan.read'),
  'GET /api/plans/:id': rolesAllowed('plan.read'),
  'GET /api/movements': rolesAllowed('movement.read'),
  'POST /api/movements': rolesAllowed('movement.write'),
  'PATCH /api/movements/:id': rolesAllowed('movement.write'),
  'GET /api/candidates': rolesAllowed('movement.read'),
  'POST /api/candidates': rolesAllowed('movement.offer'),
  'DELETE /api/candidates/:id': rolesAllowed('movement.offer'),
  'GET /api/checkin/log': rolesAllowed('movement.exportCheckin'),
  'POST /api/checkin/merge': rolesAllowed('movement.mergeCheckin'),
  'GET /api/checkin/conflicts': rolesAllowed('movement.readCheckin'),
  'POST /api/checkin/resolve': rolesAllowed('movement.checkin'),
  'GET /api/allocation/explain/:householdId': rolesAllowed('plan.read'),
  'GET /api/allocation/fairness': rolesAllowed('plan.read'),
  'GET /api/timetable': rolesAllowed('plan.read'),
  'GET /api/timetable/check': rolesAllowed('plan.reassign'),
  'POST /api/timetable/move': rolesAllowed('plan.reassign'),
  'GET /api/hazard': rolesAllowed('incident.read'),
  'GET /api/movements/:id/manifest': boarding,
  'GET /api/movements/:id/checkin': rolesAllowed('movement.readCheckin'),
  'GET /api/movements/:id/standby': rolesAllowed('plan.read'),
  'GET /api/movements/:id/slips': rolesAllowed('movement.checkin'),
  'GET /api/movements/:id/checkin/persons': rolesAllowed('movement.readCheckin'),
  'GET /api/movements/:id/checkin/summary': rolesAllowed('movement.readCheckin'),
  'POST /api/checkin': rolesAllowed('movement.checkin'),
  'POST /api/checkin/document': rolesAllowed('movement.checkin'),
  'POST /api/movements/:id/allow-split': rolesAllowed('movement.allowSplit'),
  'POST /api/import': ['admin', 'registrar'],
  'GET /api/export/:what': everyone,
  'POST /api/plans/allocate': rolesAllowed('plan.run'),
  'POST /api/plans/schedule': rolesAllowed('plan.run'),
  'POST /api/replan': rolesAllowed('plan.run'),
  // Jobs carry plan summaries (case ids and counts, never personal data), like GET /api/plans.
  'GET /api/jobs': rolesAllowed('plan.read'),
  'GET /api/jobs/:id': rolesAllowed('plan.read'),
  'POST /api/jobs/:id/cancel': rolesAllowed('plan.cancelJob'),
  'GET /api/audit/verify': rolesAllowed('audit.read'),
  'GET /api/audit/head': rolesAllowed('audit.read'),
  'GET /api/audit/events': rolesAllowed('audit.read'),
  'GET /api/users': rolesAllowed('user.manage'),
  'POST /api/users': rolesAllowed('user.manage'),
  'POST /api/users/:username/disable': rolesAllowed('user.manage'),
  'POST /api/users/:username/password': rolesAllowed('user.manage'),
  'POST /api/cases/:id/persons': rolesAllowed('person.add'),
  'PATCH /api/persons/:id': rolesAllowed('person.update'),
  'POST /api/persons/:id/remove': rolesAllowed('person.remove'),
  'POST /api/persons/:id/erase': rolesAllowed('person.erase'),
  'GET /api/cases/:id/consent': rolesAllowed('consent.read'),
  'POST /api/cases/:id/consent': rolesAllowed('consent.record'),
  'GET /api/disclosures': rolesAllowed('disclosure.read'),
  'POST /api/consent/basis': rolesAllowed('consent.declareBasis'),
  'GET /api/messages': rolesAllowed('message.read'),
  'GET /api/messages/templates': rolesAllowed('message.read'),
  'POST /api/messages/templates': rolesAllowed('message.template'),
  'POST /api/messages/preview': rolesAllowed('message.read'),
  'POST /api/messages/send': rolesAllowed('message.send'),
  'POST /api/messages/deliver': rolesAllowed('message.send'),
  'POST /api/messages/:id/receipt': rolesAllowed('message.send'),
  'POST /api/messages/receipts/sms': 'public',
  'POST /api/persons/:id/contact': rolesAllowed('message.contact'),
  'GET /api/consent/bases': rolesAllowed('consent.read'),
  'GET /api/procedures': rolesAllowed('procedure.read'),
  'GET /api/procedures/templates/:state': rolesAllowed('procedure.read'),
  'POST /api/procedures/templates/:state': rolesAllowed('procedure.configure'),
  'POST /api/procedures/steps': rolesAllowed('procedure.record'),
  'POST /api/procedures/import': rolesAllowed('procedure.record'),
  'POST /api/mappings': rolesAllowed('registry.saveMapping'),
  'GET /api/mappings': rolesAllowed('registry.readMappings'),
  'GET /api/mappings/:name': rolesAllowed('registry.readMappings'),
  'POST /api/import/form': rolesAllowed('registry.import'),
  'GET /api/cases/:id/procedures': rolesAllowed('procedure.read'),
  'GET /api/incidents': rolesAllowed('incident.read'),
  'POST /api/incidents': rolesAllowed('incident.write'),
  'POST /api/incidents/import': rolesAllowed('incident.write'),
  'GET /api/incidents/export': rolesAllowed('incident.read'),
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
  'GET /api/webhooks': rolesAllowed('webhook.read'),
  'POST /api/webhooks': rolesAllowed('webhook.manage'),
  'DELETE /api/webhooks/:id': rolesAllowed('webhook.manage'),
  'POST /api/webhooks/:id/ping': rolesAllowed('webhook.manage'),
  'GET /api/webhooks/deliveries': rolesAllowed('webhook.read'),
  'POST /api/webhooks/deliveries/:id/replay': rolesAllowed('webhook.manage'),
  'GET /api/retention': rolesAllowed('retention.read'),
  'PUT /api/retention': rolesAllowed('retention.set'),
  'POST /api/retention/run': rolesAllowed('retention.run'),
  'GET /api/retention/reports': rolesAllowed('retention.read'),
  'GET /api/legal-holds': rolesAllowed('retention.read'),
  'POST /api/legal-holds': rolesAllowed('retention.hold'),
  'POST /api/legal-holds/release': rolesAllowed('retention.hold'),
  'GET /api/dpo/ropa': rolesAllowed('dpo.read'),
  'GET /api/dpo/dpia': rolesAllowed('dpo.read'),
  'GET /api/grievances': rolesAllowed('grievance.read'),
  'GET /api/cases/:id/grievances': rolesAllowed('grievance.read'),
  'GET /api/grievances/:id': rolesAllowed('grievance.read'),
  'POST /api/grievances': rolesAllowed('grievance.add'),
  'POST /api/cases/:id/grievances': rolesAllowed('grievance.add'),
  'POST /api/grievances/:id/respond': rolesAllowed('grievance.respond'),
  'POST /api/grievances/:id/status': rolesAllowed('grievance.respond'),
  'GET /api/appeals': rolesAllowed('appeal.read'),
  'GET /api/cases/:id/appeals': rolesAllowed('appeal.read'),
  'POST /api/appeals': rolesAllowed('appeal.file'),
  'POST /api/cases/:id/appeals': rolesAllowed('appeal.file'),
  'POST /api/appeals/:id/decision': rolesAllowed('appeal.decide'),
  'GET /api/arrivals': rolesAllowed('arrival.read'),
  'POST /api/cases/:id/arrival': rolesAllowed('arrival.confirm'),
  'POST /api/cases/:id/arrival-link': rolesAllowed('arrival.link'),
  // A receiving partner confirms with the single-use token it was given; the token is the credential.
  'POST /api/arrival-links/:token': 'public',
  'GET /api/follow-ups': rolesAllowed('arrival.read'),
  'POST /api/cases/:id/follow-ups': rolesAllowed('arrival.followUp'),
  'GET /api/cases/:id/handover': rolesAllowed('arrival.handover'),
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
