/** Every command, by name: the table the interfaces bind and the tests walk. */
import type { AnyCommand } from './define.js';
import { abandonAsset } from './property/abandon-asset.js';
import { addAssets } from './property/add-assets.js';
import { addOffer } from './property/add-offer.js';
import { addRestriction } from './property/add-restriction.js';
import { propertyLedger } from './property/ledger.js';
import { recordSale } from './property/record-sale.js';
import { propertyReport } from './property/report.js';

/** The commands in one list; a name appears once. */
export const commandList: readonly AnyCommand[] = [
  propertyLedger,
  propertyReport,
  addAssets,
  addOffer,
  addRestriction,
  recordSale,
  abandonAsset,
] as unknown as readonly AnyCommand[];

/** The commands by name. */
export const commandsByName: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.map((c) => [c.name, c]),
);
