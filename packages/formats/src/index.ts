/** Files in and out: registry imports read, exports, manifests and reports written; no store, no I/O beyond the file read. */
export * from './import-file.js';
export * from './export-registry.js';
export * from './manifest-files.js';
export { readCsvRows } from './csv-read.js';
export { readXlsxRows } from './xlsx-read.js';
export { tableToCsv } from './csv-write.js';
export { reportHeadings, situationPdf } from './report-pdf.js';
export { custodyRecordPdf } from './custody-pdf.js';
export { restoreFormula } from './formula-guard.js';
export { tableToXlsx } from './xlsx-write.js';
export { incidentsCsv } from './incident-csv.js';
export { dpiaMarkdown, ropaMarkdown } from './dpo-documents.js';
export {
  readProcedureFile,
  type ProcedureFileRow,
  type ProcedureFileProblem,
} from './procedure-file.js';
export { readFormSheets, type FormFile } from './form-file.js';
export {
  checkinSlipsPdf,
  qrModules,
  type CheckinSlip,
  type CheckinSlips,
  type SlipMovement,
} from './checkin-slip-pdf.js';
export {
  fontForText,
  isRightToLeft,
  scriptOf,
  usePdfFont,
  writeLine,
  type PdfFont,
  type PdfLanguage,
  type PdfScript,
} from './pdf-fonts.js';
