/** `operation.backup`: the whole database as one encrypted file (`corridor backup`, `GET /api/backup`). */
import { appendAudit } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { fileOutput } from '../file-output.js';

/** What a backup holds, printed by the CLI and carried in the audit event. */
export const BackupSummary = z.object({
  tables: z.number().int(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
/** What a backup holds (the type). */
export type BackupSummary = z.infer<typeof BackupSummary>;

/**
 * Writes every table into one file sealed under a backup key of the current key generation (readable
 * only with this folder's keyring); the backup is recorded with its expiry, so an erasure can say
 * which backups still hold a person. Restoring is not a command: it runs on an empty database,
 * before any user exists (`corridor restore`).
 */
export const createBackup = defineCommand({
  name: 'operation.backup',
  summary: 'The whole database as one encrypted backup file',
  input: z.object({}),
  output: fileOutput(BackupSummary),
  permission: 'operation.backup',
  audit: 'operation.backup',
  async run({ store, actor, now }) {
    const { content, summary } = await store.backup();
    await appendAudit(store.db, actor, {
      action: 'operation.backup',
      entity: 'operation',
      entityId: 'backup',
      detail: { ...summary },
    });
    const day = now.toISOString().slice(0, 10);
    return {
      filename: `corridor-backup-${day}.cbk`,
      contentType: 'application/octet-stream',
      content,
      summary,
    };
  },
});
