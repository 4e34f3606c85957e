/** `allocation.explain`: why a case goes where the current allocation puts it. */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { explainCase } from '../planning/allocation-views.js';
import { ExplanationSchema } from './schemas.js';

/** The case's destination with its fit, and why not each other destination. */
export const allocationExplain = defineCommand({
  name: 'allocation.explain',
  summary: 'Why a case goes where the current allocation puts it, and why not elsewhere',
  input: z.object({ householdId: IdSchema }),
  output: ExplanationSchema,
  permission: 'plan.read',
  audit: null,
  run: ({ store }, { householdId }) => explainCase(store, householdId),
});
