/** Durable jobs (M12): poll one for progress and result, list them, cancel one. */
import { errors } from '@corridor/core';
import type { JobRecord } from '@corridor/storage';
import { z } from 'zod';
import { defineRoute } from '../route.js';

const JobStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
const JobId = z.string().uuid('must be a job id');

/** A job as the API shows it. */
export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatus,
  progress: z.object({ phase: z.string(), fraction: z.number(), message: z.string() }).nullable(),
  /** The same JSON as the matching CLI command's `--json` output. */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ id: z.string(), message: z.string() }).nullable(),
  attempts: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  savedAt: z
    .string()
    .nullable()
    .describe('when the run saved its plan; from then on a cancel is refused (409)'),
});

/** What a route that queues work answers (202). */
export const QueuedJobSchema = z.object({ id: z.string(), kind: z.string(), status: JobStatus });

/** The job, for presenters. */
export function presentJob(job: JobRecord): z.input<typeof JobSchema> {
  return job;
}

/** `GET /api/jobs/:id`: a job's status, progress, result or error (poll it). */
export const jobRoute = defineRoute('GET /api/jobs/:id', {
  tag: 'jobs',
  summary:
    "A job's status, progress and result (poll until status is succeeded, failed or cancelled)",
  params: z.object({ id: JobId }),
  response: JobSchema,
  handler: async ({ params, store }) => {
    const job = await store.jobs.get(params.id);
    if (!job) throw errors.notFound('job', params.id);
    return presentJob(job);
  },
});

/** `GET /api/jobs`: recent jobs, newest first. */
export const listJobsRoute = defineRoute('GET /api/jobs', {
  tag: 'jobs',
  summary: 'Jobs, newest first (at most `limit`, default 50)',
  query: z.object({
    status: JobStatus.optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, 'must be a whole number')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 500, { message: 'must be from 1 to 500' })
      .optional(),
  }),
  response: z.array(JobSchema),
  handler: async ({ query, store }) =>
    (
      await store.jobs.list({
        ...(query.status ? { status: query.status } : {}),
        limit: query.limit ?? 50,
      })
    ).map(presentJob),
});

/** `POST /api/jobs/:id/cancel`: cancels a queued job, or stops a running one within a second. */
export const cancelJobRoute = defineRoute('POST /api/jobs/:id/cancel', {
  tag: 'jobs',
  summary:
    'Cancel a job: a queued one at once, a running one within a heartbeat (nothing is saved)',
  params: z.object({ id: JobId }),
  response: JobSchema,
  handler: async ({ params, jobs, actor }) => presentJob(await jobs.cancel(params.id, actor)),
});
