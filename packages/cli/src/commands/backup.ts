/** `corridor backup` (the command `operation.backup`) and `corridor restore`: the whole database, encrypted like the data. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors } from '@corridor/core';
import { openStore, resolveConfig } from '@corridor/storage';
import type { Command } from 'commander';
import { createBackup, type BackupSummary } from '@corridor/commands';
import { globals, output } from '../context.js';
import { bindCli } from '../run-command.js';

/** Registers `corridor backup` and `corridor restore`. */
export function registerBackup(program: Command): void {
  bindCli<BackupSummary & { file: string }>(
    program
      .command('backup')
      .description('write the whole database to one file, encrypted under the master key')
      .requiredOption('--out <file>', 'backup file to write')
      .option('--json', 'print JSON'),
    createBackup,
    () => ({}),
    (b) => `backup written to ${b.file}: ${b.tables} tables, ${b.rows} rows, ${b.bytes} bytes`,
    { file: { stdout: false } },
  );
  // Not a command: a restore runs on an empty database, before any user exists to act.
  program
    .command('restore <file>')
    .description(
      'restore a backup into an empty data folder (--data) or an empty DATABASE_URL database',
    )
    .option('--json', 'print JSON')
    .action(async (file: string, _opts, command: Command) => {
      if (!existsSync(file)) throw errors.invalidInput(`no backup file at ${file}`);
      const content = readFileSync(file);
      const config = resolveConfig({ data: globals(command).data, create: true });
      const keyFile = process.env.CORRIDOR_KEY_FILE || join(config.dataDir, 'master.key');
      if (!process.env.CORRIDOR_MASTER_KEY && !existsSync(keyFile)) {
        throw errors.invalidInput(
          `restoring needs the master key the backup was made with: set CORRIDOR_MASTER_KEY or CORRIDOR_KEY_FILE, or copy it to ${keyFile}`,
        );
      }
      const store = await openStore(config, process.env, { mayCreateKey: false });
      try {
        const summary = await store.restore(content);
        const status = await store.registry.status();
        output(
          command,
          { restored: summary, status },
          () =>
            `restored ${summary.rows} rows into ${store.target}: ${status.persons} persons in ${status.households} households`,
        );
      } finally {
        await store.close();
      }
    });
}
