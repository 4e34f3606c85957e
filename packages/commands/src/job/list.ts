/** `job.list`: recent jobs. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { whole } from '../numbers.js';
import { JobSchema, JobStatusSchema } from './schemas.js';

/** Jobs newest first, at most `limit` (default 50), of one status when asked. */
export const listJobs = defineCommand({
  name: 'job.list',
  summary: 'Jobs, newest first (at most `limit`, default 50)',
  input: z.object({ status: JobStatusSchema.optional(), limit: whole(1, 500).optional() }),
  output: z.array(JobSchema),
  permission: 'plan.read',
  audit: null,
  run: ({ store }, { status, limit }) =>
    store.jobs.list({ ...(status ? { status } : {}), limit: limit ?? 50 }),
});
