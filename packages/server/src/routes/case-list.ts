/** The case list of the registry page: filters, exact search, paging; no personal data in the rows. */
import { CaseStatusSchema, errors, IdSchema, maySee, type PersonField } from '@corridor/core';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import { wholeNumber } from './params.js';

const CaseRow = z.object({
  id: z.string(),
  status: CaseStatusSchema,
  originCountry: z.string(),
  persons: z.number().int(),
  priority: z.number().int(),
  readyDate: z.string().nullable(),
  destinationId: z.string().nullable().describe('destination in the current allocation plan'),
  version: z.number().int(),
});

/** `GET /api/cases`: cases by status, destination, origin, or a member's exact name or document. */
export const listCasesRoute = defineRoute('GET /api/cases', {
  tag: 'cases',
  summary: 'Cases matching filters, a page at a time (exact name or document search)',
  description:
    'Name and document searches match exactly (through a keyed blind index: the server never ' +
    'scans decrypted names); they need a role that may see the field searched.',
  query: z.object({
    status: CaseStatusSchema.optional(),
    destination: IdSchema.optional(),
    origin: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code')
      .optional(),
    name: z.string().trim().min(1).max(200).optional().describe('a member’s full name'),
    document: z.string().trim().min(1).max(64).optional().describe('a travel document number'),
    limit: wholeNumber(1, 500).optional(),
    offset: wholeNumber(0, 10_000_000).optional(),
  }),
  response: z.object({ total: z.number().int(), cases: z.array(CaseRow) }),
  handler: async ({ query, store, user }) => {
    const needs: [string | undefined, PersonField][] = [
      [query.name, 'name'],
      [query.document, 'documentNumber'],
    ];
    for (const [value, field] of needs)
      if (value !== undefined && !maySee(user.role, field))
        throw errors.forbidden(`your role (${user.role}) may not search by ${field}`);
    return store.registry.findCases({
      ...(query.status ? { status: query.status } : {}),
      ...(query.destination ? { destination: query.destination } : {}),
      ...(query.origin ? { origin: query.origin } : {}),
      ...(query.name ? { name: query.name } : {}),
      ...(query.document ? { document: query.document } : {}),
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  },
});
