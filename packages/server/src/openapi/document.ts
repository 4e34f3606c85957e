/** The OpenAPI 3.1 document, generated from the same route specs and zod schemas the server runs. */
import { routeAccess } from '@corridor/core';
import { z } from 'zod';
import { sessionCookie } from '../auth/tokens.js';
import type { ApiRoute } from '../route.js';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (the dialect of OpenAPI 3.1), as clients send or read it. */
export function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(route: ApiRoute): Json {
  const access = routeAccess[route.key];
  const { spec } = route;
  const errorsOf: Record<string, Json> = {
    '400': errorResponse('invalid input: the message names the first problem'),
    '413': errorResponse('the body is larger than the limit'),
    '429': errorResponse('too many requests; see Retry-After'),
  };
  if (access !== 'public') {
    errorsOf['401'] = errorResponse('not logged in, or the session expired');
    errorsOf['403'] = errorResponse('your role may not call this route (or make this change)');
  }
  return {
    operationId: route.key
      .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())
      .replace(/^./, (c) => c.toLowerCase()),
    tags: [spec.tag],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    'x-roles': access,
    ...('command' in route
      ? {
          'x-command': (route as { command: { name: string } }).command.name,
          'x-permission': (route as { command: { permission: string } }).command.permission,
        }
      : {}),
    security: access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }],
    parameters: [
      ...parameters(spec.params, 'path'),
      ...parameters(spec.query, 'query'),
      ...(spec.respondAsync
        ? [
            {
              name: 'Prefer',
              in: 'header',
              required: false,
              schema: { type: 'string', examples: ['respond-async'] },
              description:
                '`respond-async` (RFC 7240): answer 202 at once with the job that runs the work (poll `GET /api/jobs/{id}`; its result is this route’s answer, its error this route’s error body); without it the route answers when the work is done',
            },
          ]
        : []),
    ],
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(spec.body) } },
          },
        }
      : {}),
    responses: {
      [String(spec.status ?? 200)]: {
        description: spec.file ? 'the file, as an attachment' : 'success',
        content: spec.file
          ? Object.fromEntries(
              spec.file.types.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
            )
          : { 'application/json': { schema: jsonSchema(spec.response) } },
      },
      ...(spec.respondAsync
        ? {
            '202': {
              description: 'with `Prefer: respond-async`: the job, queued',
              headers: {
                'Preference-Applied': {
                  description: '`respond-async`',
                  schema: { type: 'string' },
                },
              },
              content: { 'application/json': { schema: jsonSchema(spec.respondAsync) } },
            },
          }
        : {}),
      ...errorsOf,
      '404': errorResponse('not found'),
    },
  };
}

/** What each group of routes is about, shown in /docs; a route's tag must be listed here. */
export const tagDescriptions: Record<string, string> = {
  system: 'Health checks and the API description',
  session: 'Logging in and out, and what the logged-in role may do',
  public: 'Figures anyone may read: counts only, suppressed below five',
  operation: 'The operation as a whole: status counts, the situation report, the demo and backups',
  consent:
    'Consent per person and purpose, the bases the operation declared, and the disclosure log',
  cases: 'Households (cases): list, view, status workflow, planning locks',
  persons: 'Persons: erasure of personal data (crypto-shredding)',
  dedup: 'Possible duplicate registrations and their review',
  destinations: 'Host countries, their rules and pledges as negotiated, and what a place is worth',
  'registry files': 'Registration files in (all or nothing) and out (redacted by role)',
  plans: 'Stored plan versions: allocation and timetable',
  planning: 'Allocation, timetable and re-planning runs, explanations and fairness',
  jobs: 'Long runs as durable jobs: progress, result, cancel',
  movements: 'Flights and convoys, and their manifests',
  'check-in': 'The day of travel: check-in, boarding, no-shows, arrival, offline desks',
  incidents: 'The incident log and the hazard estimated from it',
  property: 'The collective property ledger and its loss report',
  custody: 'Personal belongings and their hash-chained custody',
  audit: 'The hash-chained audit log: events, head, verification',
  users: 'User accounts and their roles',
  grievances:
    'Complaints per case with response deadlines (confidential ones for protection officers only), and appeals against an allocation',
  arrivals:
    'After arrival: confirmations (by users or single-use links), follow-ups at 1, 3 and 12 months, and the redacted case file handed to the receiving agency',
  webhooks: 'Signed event deliveries to partners’ systems: subscriptions, pings, the delivery log',
  retention:
    'Retention schedules, the job that shreds what is due, its reports, legal holds, and the DPO’s documents',
  procedures:
    'Host-state procedures: per-state templates, each case’s steps, ready and latest dates, import',
  messages:
    'Messages to households by e-mail or SMS: templates per purpose and language, contact details, preview, send (consent checked, retried, in the disclosure log), the message log',
};

/** The whole document for a list of routes. */
export function openApiDocument(routes: readonly ApiRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(route) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Corridor API',
      version,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      description:
        'Plans and runs the relocation of an at-risk population. Log in with POST /api/login; ' +
        'send the token as `Authorization: Bearer <token>` or use the session cookie. ' +
        '`x-roles` names the roles allowed on each route; personal data is redacted by role.',
    },
    servers: [{ url: '/', description: 'the server that serves this document' }],
    tags: [...new Set(routes.map((r) => r.spec.tag))].map((name) => ({
      name,
      description: tagDescriptions[name] ?? '',
    })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        cookieAuth: { type: 'apiKey', in: 'cookie', name: sessionCookie },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'status', 'message'],
          properties: {
            error: { type: 'string', description: 'the error id from the catalogue' },
            status: { type: 'integer' },
            message: { type: 'string' },
            details: {},
          },
        },
      },
    },
  };
}
