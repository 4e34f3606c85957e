/** Durable jobs (M12): poll one for progress and result, list them, cancel one. */
import { cancelJob, listJobs, showJob } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'jobs';

/** `GET /api/jobs/:id`: a job's status, progress, result or error (poll it). */
export const jobRoute = bindCommand('GET /api/jobs/:id', showJob, { tag, params: { id: 'id' } });

/** `GET /api/jobs`: recent jobs, newest first. */
export const listJobsRoute = bindCommand('GET /api/jobs', listJobs, { tag });

/** `POST /api/jobs/:id/cancel`: cancels a queued job, or stops a running one within a second. */
export const cancelJobRoute = bindCommand('POST /api/jobs/:id/cancel', cancelJob, {
  tag,
  params: { id: 'id' },
  status: 200,
});
