/** `operation.status`: the operation at a glance (`corridor status`, `GET /api/status`). */
import { z } from 'zod';
import { defineCommand } from '../define.js';

const Counts = z.record(z.string(), z.number().int());

/** The operation's counts; no personal data. */
export const OperationStatusOut = z.object({
  operation: z.object({
    id: z.string(),
    name: z.string(),
    isDemo: z.boolean(),
    windowStart: z.string(),
    windowEnd: z.string(),
  }),
  persons: z.number().int(),
  households: z.number().int(),
  destinations: z.number().int(),
  byStatus: Counts,
  personsByStatus: Counts,
  pledgedPersons: z.number().int(),
  pledgedCases: z.number().int(),
  medicalPlaces: z.number().int(),
  personsWithMedicalNeeds: z.number().int(),
  linkedCases: z.number().int(),
  openDuplicates: z.number().int(),
});
/** The operation's counts (the type the web imports). */
export type OperationStatusOut = z.infer<typeof OperationStatusOut>;

/** Persons, households, destinations, cases by status, pledges and open duplicates. */
export const operationStatus = defineCommand({
  name: 'operation.status',
  summary: "The operation's counts: persons, households, destinations, cases by status, pledges",
  input: z.object({}),
  output: OperationStatusOut,
  permission: 'operation.read',
  audit: null,
  run: ({ store }) => store.registry.status(),
});
