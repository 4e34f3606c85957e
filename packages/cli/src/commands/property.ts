/** `corridor property add|offer|restrict|sale|abandon|list|report`: the property ledger (M9). */
import {
  abandonAsset,
  addAssets,
  addOffer,
  addRestriction,
  propertyLedger,
  propertyReport,
  recordSale,
} from '@corridor/commands';
import {
  assetCategories,
  formatMoney,
  offerStatuses,
  type Asset,
  type LedgerAsset,
  type PropertyLedger,
  type PropertyReport,
} from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { count, fraction, ids, money, reportText } from './property-options.js';

type Options = Record<string, unknown>;
type Added = { added: number; ids: string[] };

const optional = (v: unknown) => (v === undefined ? null : String(v));

/** Registers `corridor property`. */
export function registerProperty(program: Command): void {
  const property = program
    .command('property')
    .description(
      'the property ledger: assets, offers, restrictions, sales, abandonment; the loss report',
    );

  bindCli<Added>(
    property
      .command('add')
      .description('add an asset (collective, or a household’s with --household)')
      .requiredOption('--id <id>', 'asset id')
      .requiredOption('--category <category>', assetCategories.join(', '))
      .requiredOption('--description <text>', 'what it is')
      .requiredOption(
        '--value <amount>',
        'appraised value of the whole quantity, in major units (e.g. 1600000)',
      )
      .requiredOption('--currency <code>', 'ISO 4217 code')
      .requiredOption('--appraised-on <day>', 'day of the appraisal, YYYY-MM-DD')
      .option('--quantity <n>', 'how many', '1')
      .option('--location <place>', 'where it is', 'camp')
      .option('--household <case>', 'the case that owns it (a household asset)')
      .option('--json', 'print JSON'),
    addAssets,
    (_args, o: Options) => {
      const currency = String(o.currency);
      return {
        assets: [
          {
            id: String(o.id),
            scope: o.household ? 'household' : 'collective',
            householdId: o.household ? String(o.household) : null,
            description: String(o.description),
            category: String(o.category),
            quantity: count('quantity', String(o.quantity)),
            location: String(o.location),
            appraisedMinor: money('value', String(o.value), currency),
            currency,
            appraisedOn: String(o.appraisedOn),
          },
        ],
      };
    },
    (_out, input: { assets: Asset[] }) => {
      const a = input.assets[0]!;
      return `asset ${a.id} added: ${formatMoney(a.appraisedMinor, a.currency)}`;
    },
  );

  bindCli<Added>(
    property
      .command('offer')
      .description('record an offer for one asset or a lot (split over the lot by appraised value)')
      .requiredOption('--id <id>', 'offer id')
      .requiredOption('--assets <ids>', 'asset ids, comma-separated')
      .requiredOption('--buyer <name>', 'who offered')
      .requiredOption('--amount <amount>', 'in major units')
      .requiredOption('--currency <code>', 'ISO 4217 code (the assets’ currency)')
      .requiredOption('--date <day>', 'YYYY-MM-DD')
      .option('--status <status>', offerStatuses.join(', '), 'open')
      .option('--json', 'print JSON'),
    addOffer,
    (_args, o: Options) => ({
      id: String(o.id),
      assetIds: ids(String(o.assets)),
      buyer: String(o.buyer),
      amountMinor: money('amount', String(o.amount), String(o.currency)),
      currency: String(o.currency),
      date: String(o.date),
      status: String(o.status),
    }),
    (out) => `offer ${out.ids[0]} recorded`,
  );

  bindCli<Added>(
    property
      .command('restrict')
      .description('record a restriction on sales: permitted fraction, price cap, or a block')
      .requiredOption('--id <id>', 'restriction id')
      .requiredOption('--assets <ids>', 'asset ids, comma-separated')
      .requiredOption('--by <authority>', 'who imposed it')
      .requiredOption('--date <day>', 'YYYY-MM-DD')
      .option('--permitted <fraction>', 'share of the quantity that may be sold (0–1)', '1')
      .option('--price-cap <fraction>', 'highest price as a share of appraised value (0–1)')
      .option('--blocked', 'no sale at all')
      .option('--note <text>', 'what the restriction says')
      .option('--json', 'print JSON'),
    addRestriction,
    (_args, o: Options) => ({
      id: String(o.id),
      assetIds: ids(String(o.assets)),
      imposedBy: String(o.by),
      date: String(o.date),
      permittedFraction: fraction('permitted', String(o.permitted)),
      priceCapFraction: o.priceCap === undefined ? null : fraction('price-cap', String(o.priceCap)),
      blocked: Boolean(o.blocked),
      note: optional(o.note),
    }),
    (out) => `restriction ${out.ids[0]} recorded`,
  );

  bindCli<Added>(
    property
      .command('sale')
      .description('record a sale that took place')
      .requiredOption('--id <id>', 'sale id')
      .requiredOption('--asset <id>', 'asset sold (in part or whole)')
      .requiredOption('--amount <amount>', 'proceeds in major units')
      .requiredOption('--currency <code>', 'ISO 4217 code (the asset’s currency)')
      .requiredOption('--date <day>', 'YYYY-MM-DD')
      .requiredOption('--buyer <name>', 'who bought')
      .option('--quantity <n>', 'how many of the asset', '1')
      .option('--json', 'print JSON'),
    recordSale,
    (_args, o: Options) => ({
      id: String(o.id),
      assetId: String(o.asset),
      quantity: count('quantity', String(o.quantity)),
      amountMinor: money('amount', String(o.amount), String(o.currency)),
      currency: String(o.currency),
      date: String(o.date),
      buyer: String(o.buyer),
    }),
    (out) => `sale ${out.ids[0]} recorded`,
  );

  bindCli<LedgerAsset>(
    property
      .command('abandon <asset>')
      .description('mark what is left of an asset as abandoned')
      .requiredOption('--date <day>', 'YYYY-MM-DD')
      .option('--note <text>', 'circumstances')
      .option('--json', 'print JSON'),
    abandonAsset,
    ([assetId], o: Options) => ({ assetId, date: String(o.date), note: optional(o.note) }),
    (asset) => `asset ${asset.id} abandoned on ${asset.abandonedOn}`,
  );

  bindCli<PropertyLedger>(
    property
      .command('list')
      .description('the ledger: assets with their appraisal, sales and abandonment')
      .option('--json', 'print JSON'),
    propertyLedger,
    () => ({}),
    (ledger) =>
      table(
        ['asset', 'scope', 'category', 'qty', 'appraised', 'sold', 'abandoned', 'description'],
        ledger.assets.map((a) => [
          a.id,
          a.scope,
          a.category,
          a.quantity,
          formatMoney(a.appraisedMinor, a.currency),
          ledger.sales.filter((s) => s.assetId === a.id).reduce((n, s) => n + s.quantity, 0),
          a.abandonedOn ?? '',
          a.description,
        ]),
      ) +
      `\n\n${ledger.offers.length} offer(s), ${ledger.restrictions.length} restriction(s), ${ledger.sales.length} sale(s)`,
  );

  bindCli<PropertyReport>(
    property
      .command('report')
      .description(
        'appraised vs best offer vs permitted vs realised, and the loss, per category; totals per currency',
      )
      .option('--json', 'print JSON (amounts in minor units)'),
    propertyReport,
    () => ({}),
    reportText,
  );
}
