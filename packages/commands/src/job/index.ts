/** Durable jobs (M12): the long commands' runs, polled, listed and cancelled. */
import type { AnyCommand } from '../define.js';
import { cancelJob } from './cancel.js';
import { listJobs } from './list.js';
import { showJob } from './show.js';

export { cancelJob, listJobs, showJob };
export * from './schemas.js';

/** Every job command, for the command table. */
export const jobCommands = [listJobs, showJob, cancelJob] as unknown as readonly AnyCommand[];
