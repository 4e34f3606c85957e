/** `retention.show`: every data category's retention schedule, defaults filled in. */
import { retentionCategoryInfo } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ScheduleOut } from './schemas.js';

/** The schedules, with what each category holds and what the job does with it. */
export const showRetention = defineCommand({
  name: 'retention.show',
  summary: 'Retention schedules per data category (what is kept, how long, counted from what)',
  input: z.object({}),
  output: z.object({ schedules: z.array(ScheduleOut) }),
  permission: 'retention.read',
  audit: null,
  async run({ store }) {
    const schedules = await store.retention.schedules();
    return {
      schedules: schedules.map((s) => ({
        ...s,
        what: retentionCategoryInfo[s.category].what,
        action: retentionCategoryInfo[s.category].action,
      })),
    };
  },
});
