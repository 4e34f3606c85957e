/** `job.show`: one job's status, progress and result. */
import { errors } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { JobIdSchema, JobSchema } from './schemas.js';

/** A job to poll until it is succeeded, failed or cancelled. */
export const showJob = defineCommand({
  name: 'job.show',
  summary:
    "A job's status, progress and result (poll until status is succeeded, failed or cancelled)",
  input: z.object({ id: JobIdSchema }),
  output: JobSchema,
  permission: 'plan.read',
  audit: null,
  async run({ store }, { id }) {
    const job = await store.jobs.get(id);
    if (!job) throw errors.notFound('job', id);
    return job;
  },
});
