/** The shapes of a durable job as the API and `corridor job --json` show it. */
import { z } from 'zod';

/** Where a job stands. */
export const JobStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);

/** A job's id (a UUID). */
export const JobIdSchema = z.string().uuid('must be a job id');

/** A job: its status, progress, and the long command's output or its error. */
export const JobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
  progress: z.object({ phase: z.string(), fraction: z.number(), message: z.string() }).nullable(),
  /** The same JSON as the matching CLI command's `--json` output. */
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z
    .object({
      id: z.string(),
      message: z.string(),
      details: z
        .unknown()
        .optional()
        .describe('as in the API’s error body: an import’s bad rows (row, column, reason)'),
    })
    .nullable(),
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

/** What a long command answers over HTTP (202): the job to poll at `GET /api/jobs/:id`. */
export const QueuedJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: JobStatusSchema,
});
