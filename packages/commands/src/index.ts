/** The command layer: one command per use case, run the same way by the CLI, the API and jobs. */
export * from './context.js';
export * from './define.js';
export * from './execute.js';
export * from './table.js';
export { abandonAsset } from './property/abandon-asset.js';
export { addAssets } from './property/add-assets.js';
export { addOffer } from './property/add-offer.js';
export { addRestriction } from './property/add-restriction.js';
export { propertyLedger } from './property/ledger.js';
export { recordSale } from './property/record-sale.js';
export { propertyReport } from './property/report.js';
