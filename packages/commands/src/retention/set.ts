/** `retention.set`: an administrator sets one category's retention period; audited. */
import {
  errors,
  maxRetentionDays,
  retentionAnchors,
  retentionCategories,
  retentionCategoryInfo,
  retentionRuleProblem,
} from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ScheduleOut } from './schemas.js';

/** Keeps `category` for `days` after `after` (the anchor it has now when not given). */
export const setRetention = defineCommand({
  name: 'retention.set',
  summary: 'Set how long one data category is kept, and from what event',
  input: z.object({
    category: z.enum(retentionCategories),
    days: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(0, 'must be 0 or more')
      .max(maxRetentionDays, `must be at most ${maxRetentionDays}`),
    after: z.enum(retentionAnchors).optional().describe('the event the period is counted from'),
  }),
  output: ScheduleOut,
  permission: 'retention.set',
  audit: 'retention.set',
  async run({ store, actor, now }, input) {
    const info = retentionCategoryInfo[input.category];
    // Without `after`, the category keeps the event it is counted from now.
    const current = (await store.retention.schedules()).find((r) => r.category === input.category);
    const after = input.after ?? current?.after ?? info.after;
    const rule = { category: input.category, days: input.days, after };
    const problem = retentionRuleProblem(rule);
    if (problem) throw errors.invalidInput(`invalid input for retention.set at ${problem}`);
    const kept = await store.retention.setSchedule(rule, actor, now);
    return { ...kept, what: info.what, action: info.action };
  },
});
