/**
 * `retention.run`: applies the schedules now. A job over HTTP (pg-boss on PostgreSQL, the
 * in-process runner embedded) and daily on the server; inline from the CLI.
 */
import { booleanInput } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ReportOut } from './schemas.js';

/** Shreds what is due and not held, keeps and audits the report; a dry run writes nothing. */
export const runRetention = defineCommand({
  name: 'retention.run',
  summary: 'Apply the retention schedules: shred what is due (legal holds kept) and report it',
  input: z.object({
    dryRun: booleanInput().optional().describe('say what would be shredded, and write nothing'),
  }),
  output: ReportOut,
  permission: 'retention.run',
  audit: 'retention.run',
  job: { kind: 'retention', scheduled: true },
  async run({ store, actor, now, control }, { dryRun }) {
    control?.progress({ phase: 'retention', fraction: 0, message: 'applying the schedules' });
    const report = await store.atomically(async (tx) => {
      // A job cancelled at the last moment shreds nothing (the job's own check, in this transaction).
      if (dryRun !== true) await control?.beforeSave?.(tx);
      return tx.retention.apply(now, { dryRun: dryRun === true }, actor);
    });
    let answer = report;
    // The job finishes at once the key rotation that makes its shredding final on disk.
    if (!report.final) {
      control?.progress({ phase: 'retention', fraction: 0.5, message: 'rotating the keys' });
      await store.keys.finishErasures();
      const [kept] = (await store.retention.reports(50)).filter((r) => r.id === report.id);
      answer = kept ?? report;
    }
    if (!report.dryRun && report.categories.some((c) => c.shredded > 0))
      await store.retention.reclaim();
    control?.progress({ phase: 'retention', fraction: 1, message: 'done' });
    return answer;
  },
});
