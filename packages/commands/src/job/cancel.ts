/** `job.cancel`: cancels a queued job, or asks the process running one to stop. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { JobIdSchema, JobSchema } from './schemas.js';

/** A queued job ends at once; a running one within a heartbeat, wherever it runs; nothing is saved. */
export const cancelJob = defineCommand({
  name: 'job.cancel',
  summary:
    'Cancel a job: a queued one at once, a running one within a heartbeat (nothing is saved)',
  input: z.object({ id: JobIdSchema }),
  output: JobSchema,
  permission: 'plan.cancelJob',
  audit: 'job.cancel',
  run: ({ store, actor, now }, { id }) => store.jobs.cancel(id, actor, now),
});
