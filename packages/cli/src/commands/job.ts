/** `corridor job list|show|cancel`: the durable jobs the API queued (allocate, schedule, replan). */
import { cancelJob, listJobs, showJob, type JobSchema } from '@corridor/commands';
import type { Command } from 'commander';
import type { z } from 'zod';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Job = z.output<typeof JobSchema>;

function jobLine(job: Job): string {
  const progress = job.progress
    ? ` ${Math.round(job.progress.fraction * 100)}% ${job.progress.message}`
    : '';
  const error = job.error ? `: ${job.error.message}` : '';
  return `job ${job.id} (${job.kind}) ${job.status}${progress}${error}`;
}

/** Registers `corridor job`. */
export function registerJob(program: Command): void {
  const job = program
    .command('job')
    .description('jobs queued through the API: list them, show one, cancel one');

  bindCli<Job[]>(
    job
      .command('list')
      .description('jobs, newest first')
      .option('--status <status>', 'queued, running, succeeded, failed or cancelled')
      .option('--limit <n>', 'at most this many (1–500)', '50')
      .option('--json', 'print JSON'),
    listJobs,
    (_args, o) => ({ status: o.status, limit: o.limit }),
    (jobs) =>
      jobs.length === 0
        ? 'no jobs'
        : table(
            ['job', 'kind', 'status', 'by', 'created', 'finished'],
            jobs.map((j) => [
              j.id,
              j.kind,
              j.status,
              j.createdBy,
              j.createdAt.slice(0, 19),
              j.finishedAt?.slice(0, 19) ?? '',
            ]),
          ),
  );

  bindCli<Job>(
    job
      .command('show <id>')
      .description('a job’s status, progress and result')
      .option('--json', 'print JSON'),
    showJob,
    ([id]) => ({ id }),
    jobLine,
  );

  bindCli<Job>(
    job
      .command('cancel <id>')
      .description('cancel a queued job, or stop a running one within a heartbeat')
      .option('--json', 'print JSON'),
    cancelJob,
    ([id]) => ({ id }),
    jobLine,
  );
}
