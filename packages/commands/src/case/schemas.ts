/** Output shapes of the case commands, shared by the API, the CLI's `--json` and the web. */
import {
  assistanceNeedCodes,
  CaseStatusSchema,
  needCodes,
  personal,
  personalGroup,
  personalItems,
  personFields,
  type NeedCode,
} from '@corridor/core';
import { z } from 'zod';

const Need = z.object({
  code: z.enum(needCodes as [NeedCode, ...NeedCode[]]),
  severity: z.number().int(),
});

/** A member of a case; personal fields are shown by the field policy (`core/src/redact.ts`). */
export const PersonOut = z.object({
  id: z.string(),
  isHead: z.boolean(),
  sex: personal('sex', z.string()),
  birthYear: personal('birthYear', z.number().int().nullable()),
  mergedInto: z.string().nullable(),
  version: z
    .number()
    .int()
    .describe('bumped by every change of the record; an edit sends the version it was based on'),
  erased: z.boolean().describe('the personal data was erased (crypto-shredded)'),
  pii: personalGroup({
    givenName: personal('name', z.string()).optional(),
    familyName: personal('name', z.string()).optional(),
    birthDate: personal('birthDate', z.string().nullable()).optional(),
    phone: personal('phone', z.string()).optional(),
    email: personal('phone', z.string()).optional(),
    protectionNote: personal('protectionNote', z.string()).optional(),
  }).describe('only the fields your role may see; null when none or erased'),
  needs: personalItems(
    (n) => (assistanceNeedCodes.includes(n.code) ? 'assistanceNeeds' : 'protectionNeeds'),
    Need,
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      issuer: z.string(),
      expiry: z.string().nullable(),
      number: personal('documentNumber', z.string().nullable()),
      mrz: personal('mrz', z.tuple([z.string(), z.string()]).nullable()),
    }),
  ),
});

/** A case as a role sees it. */
export const CaseOut = z.object({
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
      reason: personal('caseNotes', z.string()),
      change: z
        .string()
        .nullable()
        .describe('what a hand edit changed: person ids and field names, never their values'),
    }),
  ),
  hiddenFields: z
    .array(z.enum(personFields))
    .describe('personal-data fields hidden from your role'),
});
/** A case as a role sees it (the type the web imports). */
export type CaseOut = z.infer<typeof CaseOut>;

/** One row of the case list: no personal data. */
export const CaseRowOut = z.object({
  id: z.string(),
  status: CaseStatusSchema,
  originCountry: z.string(),
  persons: z.number().int(),
  priority: z.number().int(),
  readyDate: z.string().nullable(),
  destinationId: z.string().nullable().describe('destination in the current allocation plan'),
  version: z.number().int(),
});

/** One step of a case's workflow, as recorded in its history. */
export const TransitionOut = z.object({
  case: z.string(),
  at: z.string(),
  from: CaseStatusSchema.nullable(),
  to: CaseStatusSchema,
  actor: z.string(),
  role: z.string(),
  reason: z.string(),
});
