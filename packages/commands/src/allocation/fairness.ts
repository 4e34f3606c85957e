/** `allocation.fairness`: whether groups of cases fare alike in the current allocation. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { allocationFairness } from '../planning/allocation-views.js';
import { FairnessSchema } from './schemas.js';

/** Achieved preference rank by household size, specific needs and origin. */
export const allocationFairnessAudit = defineCommand({
  name: 'allocation.fairness',
  summary:
    'Achieved preference rank by household size, needs and origin; flags groups that fare worse',
  input: z.object({}),
  output: FairnessSchema,
  permission: 'plan.read',
  audit: null,
  run: ({ store }) => allocationFairness(store),
});
