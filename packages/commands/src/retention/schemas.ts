/** Retention's answers: schedules, legal holds and the job's reports (ids and counts, no personal values). */
import { personal, retentionAnchors, retentionCategories } from '@corridor/core';
import { z } from 'zod';

/** One category's schedule as kept. */
export const ScheduleOut = z.object({
  category: z.enum(retentionCategories),
  days: z.number().int(),
  after: z.enum(retentionAnchors),
  what: z.string().describe('what the category holds'),
  action: z.enum(['shred', 'report']).describe('what the job does with what is due'),
  isDefault: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** A legal hold; its reason is personal (a protection note) and hidden from roles that may not see one. */
export const HoldOut = z.object({
  id: z.string(),
  subject: z.enum(['person', 'case']),
  subjectId: z.string(),
  reason: personal('protectionNote', z.string()),
  placedBy: z.string(),
  placedAt: z.string(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
});

/** What one run did with one category. */
export const CategoryReportOut = z.object({
  category: z.enum(retentionCategories),
  days: z.number().int(),
  after: z.enum(retentionAnchors),
  cutoff: z.string(),
  action: z.enum(['shred', 'report']),
  due: z.number().int(),
  shredded: z.number().int(),
  persons: z.array(z.string()),
  held: z.number().int(),
  heldPersons: z.array(z.string()),
  items: z.array(z.string()),
  notFinal: z
    .number()
    .int()
    .describe(
      'items shredded whose old copies stay readable on disk with a living key until the write-ahead log is recycled (sealed before items had their own secret, or stored in clear)',
    ),
  remains: z.string(),
});

/** One run of the retention job (a dry run has no id: it is not kept). */
export const ReportOut = z.object({
  id: z.string().nullable(),
  ranAt: z.string(),
  asOf: z.string(),
  dryRun: z.boolean(),
  actor: z.string(),
  activeHolds: z.number().int(),
  categories: z.array(CategoryReportOut),
  final: z
    .boolean()
    .describe(
      'the key generation that wrapped the shredded items’ own secrets is destroyed: their copies on disk are unreadable (notFinal items excepted)',
    ),
  finalBy: z
    .string()
    .nullable()
    .describe(
      'when the shredding became, or will at the latest become, final; null: no rotation was needed',
    ),
});
