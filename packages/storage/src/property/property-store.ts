/** The property capability (M9): the ledger of collective and household assets, and its report. */
import type {
  Abandonment,
  Asset,
  LedgerAsset,
  Offer,
  PropertyLedger,
  PropertyReport,
  Restriction,
  Sale,
} from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** Records to add to the ledger in one go; each part may be empty. */
export interface LedgerEntries {
  assets?: (Asset & { abandonedOn?: string | null; abandonNote?: string | null })[];
  offers?: Offer[];
  restrictions?: Restriction[];
  sales?: Sale[];
}

/** The property ledger of one operation. */
export interface PropertyStore {
  /**
   * Checks every record (values, currencies, references, quantities) and writes all of them in
   * one transaction with one audit event, or nothing; the error names each record, field and reason.
   */
  add(entries: LedgerEntries, actor: Actor): Promise<void>;
  /** Marks what is left of an asset as abandoned on a day. */
  abandon(abandonment: Abandonment, actor: Actor): Promise<LedgerAsset>;
  /** The whole ledger, ordered by id. */
  ledger(): Promise<PropertyLedger>;
  /** Appraised vs offered vs permitted vs realised, and the loss, per category and currency. */
  report(): Promise<PropertyReport>;
}
