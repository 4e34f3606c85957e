/** How a registry file is imported: what the reader learnt of the file and what the caller asks. */
import type { IsoDate, NewOperationOptions } from '@corridor/core';

/** How a file is imported. */
export interface ImportOptions {
  /** SHA-256 of the file's bytes (hex), named in the audit log. */
  fileHash: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'json';
  /** Validate and report, write nothing. */
  dryRun?: boolean;
  /** The operation to create when the database holds none (default: named after the file). */
  operation?: NewOperationOptions;
  /** The day an operation created now starts (default: today). */
  today?: IsoDate;
}
