/** The property ledger (M9) over HTTP: each route binds one command of `@corridor/commands`. */
import {
  abandonAsset,
  addAssets,
  addOffer,
  addRestriction,
  propertyLedger,
  propertyReport,
  recordSale,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'property';

/** `GET /api/property`: the whole ledger. */
export const propertyLedgerRoute = bindCommand('GET /api/property', propertyLedger, { tag });

/** `GET /api/property/report`: as `corridor property report --json`. */
export const propertyReportRoute = bindCommand('GET /api/property/report', propertyReport, {
  tag,
  description: 'Totals are per currency; amounts in different currencies are never added up.',
});

/** `POST /api/property/assets`: adds assets (all or nothing). */
export const addAssetsRoute = bindCommand('POST /api/property/assets', addAssets, { tag });

/** `POST /api/property/offers`: records an offer for one asset or a lot. */
export const addOfferRoute = bindCommand('POST /api/property/offers', addOffer, { tag });

/** `POST /api/property/restrictions`: records a restriction imposed on sales. */
export const addRestrictionRoute = bindCommand('POST /api/property/restrictions', addRestriction, {
  tag,
});

/** `POST /api/property/sales`: records a sale that took place. */
export const addSaleRoute = bindCommand('POST /api/property/sales', recordSale, { tag });

/** `POST /api/property/assets/:id/abandon`: what is left of an asset was left behind. */
export const abandonAssetRoute = bindCommand(
  'POST /api/property/assets/:id/abandon',
  abandonAsset,
  {
    tag,
    params: { id: 'assetId' },
    status: 200,
  },
);
