export * from './import-file.js';
export * from './export-registry.js';
export * from './manifest-files.js';
export { tableToCsv } from './csv-write.js';
export { reportHeadings, situationPdf } from './report-pdf.js';
export { custodyRecordPdf } from './custody-pdf.js';
export { restoreFormula } from './formula-guard.js';
export { readCsvRows } from './csv-read.js';
