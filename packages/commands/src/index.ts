/** The command layer: one command per use case, run the same way by the CLI, the API and jobs. */
export * from './context.js';
export * from './define.js';
export * from './execute.js';
export * from './table.js';
export * from './property/index.js';
export { custodyRecordFile, type CustodyRecordFile } from './custody/custody-record.js';
export { situationReport } from './report/situation-data.js';
export { importFile } from './registry/import-file.js';
export { exportContent, exportRegistry } from './registry/export-registry.js';
export { loadManifest, manifestFile } from './manifest/manifest-file.js';
export * from './file-output.js';
export * from './registry/index.js';
export * from './manifest/index.js';
export * from './report/index.js';
export * from './custody/index.js';
