/** The operation at a glance: status for staff, suppressed counts for the public, health for probes. */
import { createBackup, createDemo, operationStatus } from '@corridor/commands';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { minPublishedCount, presentPublicStats } from '../presenters/public-stats.js';
import { defineRoute } from '../route.js';

/** `GET /api/status`: the same JSON as `corridor status --json`. */
export const statusRoute = bindCommand('GET /api/status', operationStatus, { tag: 'operation' });

/** `POST /api/demo`: like `corridor demo`; replaces an earlier demo, never a real operation. */
export const demoRoute = bindCommand('POST /api/demo', createDemo, { tag: 'operation' });

/** `GET /api/backup`: like `corridor backup --out FILE`; the encrypted file itself. */
export const backupRoute = bindCommand('GET /api/backup', createBackup, {
  tag: 'operation',
  description:
    'Every table in one file sealed under a backup key of the current key generation; readable ' +
    'only with this database’s keyring (restore with `corridor restore` into an empty database).',
  file: { types: ['application/octet-stream'] },
});

const Published = z.number().int().nullable();

/** `GET /api/public/stats`: counts anyone may see; below 5 they are null. */
export const publicStatsRoute = defineRoute('GET /api/public/stats', {
  tag: 'public',
  summary: 'Public counts, no login; counts from 1 to 4 are suppressed (null)',
  description:
    `Counts below ${minPublishedCount} are null, and one more cell of a table is suppressed ` +
    'when only one is, so a small group cannot be recovered by subtraction. No names, dates, ' +
    'places or destinations are published: they could help someone target a movement.',
  response: z.object({
    minPublishedCount: z.number().int(),
    persons: Published,
    households: Published,
    destinations: z.number().int(),
    pledgedPersons: Published,
    personsByStatus: z.record(z.string(), Published),
  }),
  handler: async ({ store }) => presentPublicStats(await store.registry.status()),
});

/** `GET /healthz`: answers when the database does. */
export const healthRoute = defineRoute('GET /healthz', {
  tag: 'system',
  summary: 'Liveness and database check for load balancers (not rate limited)',
  response: z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) }),
  handler: async ({ store }) => {
    await store.registry.operation();
    return { ok: true as const, database: store.kind };
  },
});
