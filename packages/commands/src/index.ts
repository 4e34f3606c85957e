/** The command layer: one command per use case, run the same way by the CLI, the API and jobs. */
export * from './context.js';
export * from './define.js';
export * from './execute.js';
export * from './table.js';
export * from './property/index.js';
export * from './webhook/index.js';
export * from './case/index.js';
export * from './operation/index.js';
export * from './destination/index.js';
export * from './user/index.js';
export * from './person/index.js';
export * from './dedup/index.js';
