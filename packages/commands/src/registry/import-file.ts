/** Imports a registry file into the store (all or nothing): the file read by formats, the rows written by storage. */
import type { ImportReport } from '@corridor/core';
import { openImportFile, type ImportFileOptions, type ImportSource } from '@corridor/formats';
import type { Actor, Store } from '@corridor/storage';

/** Validates and imports a file into the store, returning the report. */
export async function importFile(
  store: Store,
  source: ImportSource,
  options: ImportFileOptions,
  actor: Actor,
): Promise<ImportReport> {
  const { file, data } = await openImportFile(source, options);
  return store.registry.importRecords(
    data,
    {
      ...file,
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.operation ? { operation: options.operation } : {}),
    },
    actor,
  );
}
