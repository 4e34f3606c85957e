/** The command layer: one command per use case, run the same way by the CLI, the API and jobs. */
export * from './context.js';
export * from './define.js';
export * from './execute.js';
export * from './table.js';
export * from './property/index.js';
export * from './movement/index.js';
export * from './checkin/index.js';
export * from './incident/index.js';
export * from './custody/index.js';
export * from './audit/index.js';
