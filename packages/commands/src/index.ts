/** The command layer: one command per use case, run the same way by the CLI, the API and jobs. */
export * from './context.js';
export * from './define.js';
export * from './execute.js';
export * from './table.js';
export * from './property/index.js';
export * from './plan/index.js';
export * from './allocation/index.js';
export * from './timetable/index.js';
export * from './hazard/index.js';
export * from './job/index.js';
export * from './planning/index.js';
