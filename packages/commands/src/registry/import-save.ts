/** An import's writes as a job saves them: a cancel and the save exclude each other. */
import type { ImportReport } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { CommandContext } from '../context.js';

/**
 * Runs `write` (an all-or-nothing import); in a job, in one transaction with the job's last word
 * on a cancel (`beforeSave`, docs/jobs.md), taken once the rows are written: a cancel asked
 * before that rolls the import back, one asked after is refused (409) and the import stands.
 */
export function saveImport(
  ctx: CommandContext,
  write: (store: Store) => Promise<ImportReport>,
): Promise<ImportReport> {
  const beforeSave = ctx.control?.beforeSave;
  if (!beforeSave) return write(ctx.store);
  return ctx.store.atomically(async (tx) => {
    const report = await write(tx);
    if (report.written) await beforeSave(tx);
    return report;
  });
}
