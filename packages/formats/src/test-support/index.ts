export { fuzzImportInput, validFuzzXlsx } from './import-fuzz-inputs.js';
export { buildRoster, rosterCsv, rosterIndex, type RosterColumn } from './test-roster.js';
export { xlsxBomb, zipOf } from './zip-bomb.js';
