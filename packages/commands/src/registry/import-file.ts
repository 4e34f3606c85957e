/** Imports a registry file into the store (all or nothing): the file read by formats, the rows written by storage. */
import type { ImportReport, RegistryFileData } from '@corridor/core';
import { openImportFile, type ImportFileOptions, type ImportSource } from '@corridor/formats';
import type { Actor, Store } from '@corridor/storage';

/** How a file is imported, and who hears of its progress. */
export interface ImportProgressOptions extends ImportFileOptions {
  /** Called once every row has been read (and checked), before anything is written. */
  onRead?: (rows: number) => void;
}

/** The rows as given, then `onRead` with their count once the last has been taken. */
export async function* readThen(rows: RegistryFileData['rows'], onRead: (rows: number) => void) {
  let n = 0;
  for await (const r of rows) {
    n++;
    yield r;
  }
  onRead(n);
}

/** Validates and imports a file into the store, returning the report. */
export async function importFile(
  store: Store,
  source: ImportSource,
  options: ImportProgressOptions,
  actor: Actor,
): Promise<ImportReport> {
  const { file, data } = await openImportFile(source, options);
  const { onRead } = options;
  return store.registry.importRecords(
    onRead ? { ...data, rows: readThen(data.rows, onRead) } : data,
    {
      ...file,
      ...(options.dryRun ? { dryRun: true } : {}),
      ...(options.operation ? { operation: options.operation } : {}),
    },
    actor,
  );
}
