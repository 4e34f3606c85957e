/** Cases: read one (redacted by role) and move it along the workflow. */
import {
  CaseStatusSchema,
  errors,
  IdSchema,
  needCodes,
  personFields,
  type NeedCode,
} from '@corridor/core';
import { z } from 'zod';
import { presentHousehold } from '../presenters/household.js';
import { defineRoute } from '../route.js';

const CaseParams = z.object({ id: IdSchema });

const PersonOut = z.object({
  id: z.string(),
  isHead: z.boolean(),
  sex: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  mergedInto: z.string().nullable(),
  erased: z.boolean().describe('the personal data was erased (crypto-shredded)'),
  pii: z
    .object({
      givenName: z.string().optional(),
      familyName: z.string().optional(),
      birthDate: z.string().nullable().optional(),
      phone: z.string().optional(),
      protectionNote: z.string().optional(),
    })
    .nullable()
    .describe('only the fields your role may see; null when none or erased'),
  needs: z.array(
    z.object({ code: z.enum(needCodes as [NeedCode, ...NeedCode[]]), severity: z.number().int() }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      issuer: z.string(),
      expiry: z.string().nullable(),
      number: z.string().nullable(),
      mrz: z.tuple([z.string(), z.string()]).nullable(),
    }),
  ),
});

/** A case as a role sees it. */
export const CaseSchema = z.object({
  id: z.string(),
  status: CaseStatusSchema,
  originCountry: z.string(),
  languages: z.array(z.string()),
  readyDate: z.string().nullable(),
  priority: z.number().int(),
  mergedInto: z.string().nullable(),
  version: z.number().int(),
  members: z.array(PersonOut),
  links: z.array(z.object({ a: z.string(), b: z.string(), kind: z.string() })),
  preferences: z.array(z.object({ rank: z.number().int(), destinationId: z.string() })),
  ties: z.array(z.object({ country: z.string(), kind: z.string() })),
  history: z.array(
    z.object({
      at: z.string(),
      from: CaseStatusSchema.nullable(),
      to: CaseStatusSchema,
      actor: z.string(),
      role: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  hiddenFields: z
    .array(z.enum(personFields))
    .describe('personal-data fields hidden from your role'),
});

/** `GET /api/cases/:id`: one case, personal data redacted by the caller's role. */
export const caseRoute = defineRoute('GET /api/cases/:id', {
  tag: 'cases',
  summary: 'One case with members, needs, documents, links, preferences and history',
  description: 'Personal data is redacted by role (see core/src/redact.ts: the field policy).',
  params: CaseParams,
  response: CaseSchema,
  handler: async ({ params, store, user }) => {
    const view = await store.registry.household(params.id);
    if (!view) throw errors.notFound('case', params.id);
    return presentHousehold(view, user.role);
  },
});

/** `POST /api/cases/:id/status`: a workflow move; the workflow table checks the role. */
export const moveCaseRoute = defineRoute('POST /api/cases/:id/status', {
  tag: 'cases',
  summary: 'Move a case to another status (the workflow and your role must allow it)',
  params: CaseParams,
  body: z.object({ to: CaseStatusSchema, reason: z.string().trim().min(3).max(1000) }),
  response: z.object({
    case: z.string(),
    at: z.string(),
    from: CaseStatusSchema.nullable(),
    to: CaseStatusSchema,
    actor: z.string(),
    role: z.string(),
    reason: z.string(),
  }),
  handler: async ({ params, body, store, actor }) => ({
    case: params.id,
    ...(await store.registry.moveCase(params.id, body.to, body.reason, actor)),
  }),
});
