/** The property ledger's commands (M9). */
import type { AnyCommand } from '../define.js';
import { abandonAsset } from './abandon-asset.js';
import { addAssets } from './add-assets.js';
import { addOffer } from './add-offer.js';
import { addRestriction } from './add-restriction.js';
import { propertyLedger } from './ledger.js';
import { recordSale } from './record-sale.js';
import { propertyReport } from './report.js';

export {
  abandonAsset,
  addAssets,
  addOffer,
  addRestriction,
  propertyLedger,
  propertyReport,
  recordSale,
};

/** Every property command, for the command table. */
export const propertyCommands = [
  propertyLedger,
  propertyReport,
  addAssets,
  addOffer,
  addRestriction,
  recordSale,
  abandonAsset,
] as unknown as readonly AnyCommand[];
