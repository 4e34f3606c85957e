/** `retention.reports`: what earlier runs of the retention job shredded. */
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { ReportOut } from './schemas.js';

/** Kept reports, newest first (ids and counts only). */
export const retentionReports = defineCommand({
  name: 'retention.reports',
  summary: 'Reports of the retention job: what was shredded, per category, and what was held',
  input: z.object({
    limit: z.coerce.number().int().min(1).max(1000).default(20).describe('at most this many'),
  }),
  output: z.object({ reports: z.array(ReportOut) }),
  permission: 'retention.read',
  audit: null,
  run: async ({ store }, { limit }) => ({ reports: await store.retention.reports(limit) }),
});
