/** `case.list`: the registry page's case list: filters, exact search, paging. */
import {
  CaseStatusSchema,
  errors,
  IdSchema,
  maySee,
  wholeNumberInput,
  type PersonField,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { CaseRowOut } from './schemas.js';

/** Cases by status, destination, origin, or a member's exact name or document; no personal data. */
export const listCases = defineCommand({
  name: 'case.list',
  summary: 'Cases matching filters, a page at a time (exact name or document search)',
  input: z.object({
    status: CaseStatusSchema.optional(),
    destination: IdSchema.optional(),
    origin: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be an ISO 3166 alpha-3 code')
      .optional(),
    name: z.string().trim().min(1).max(200).optional().describe('a member’s full name'),
    document: z.string().trim().min(1).max(64).optional().describe('a travel document number'),
    limit: wholeNumberInput(1, 500).optional(),
    offset: wholeNumberInput(0, 10_000_000).optional(),
  }),
  output: z.object({ total: z.number().int(), cases: z.array(CaseRowOut) }),
  permission: 'case.read',
  audit: null,
  run({ store, actor }, query) {
    // Searching by a field is reading it: a role that may not see names may not search by one.
    const needs: [string | undefined, PersonField][] = [
      [query.name, 'name'],
      [query.document, 'documentNumber'],
    ];
    for (const [value, field] of needs)
      if (value !== undefined && !maySee(actor.role, field))
        throw errors.forbidden(`your role (${actor.role}) may not search by ${field}`);
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
