/** `corridor property add|offer|restrict|sale|abandon|list|report`: the property ledger (M9). */
import { assetCategories, formatMoney, offerStatuses } from '@corridor/core';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';
import { count, fraction, ids, money, reportText } from './property-options.js';

type Options = Record<string, string | boolean | undefined>;

/** Registers `corridor property`. */
export function registerProperty(program: Command): void {
  const property = program
    .command('property')
    .description(
      'the property ledger: assets, offers, restrictions, sales, abandonment; the loss report',
    );
  const write = (command: Command, run: Parameters<typeof withStore>[2]) =>
    withStore(command, false, run);

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
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const currency = String(o.currency);
      const asset = {
        id: String(o.id),
        scope: o.household ? ('household' as const) : ('collective' as const),
        householdId: o.household ? String(o.household) : null,
        description: String(o.description),
        category: String(o.category) as (typeof assetCategories)[number],
        quantity: count('quantity', String(o.quantity)),
        location: String(o.location),
        appraisedMinor: money('value', String(o.value), currency),
        currency,
        appraisedOn: String(o.appraisedOn) as never,
      };
      await write(command, (store) => store.property.add({ assets: [asset] }, actorOf(command)));
      output(
        command,
        asset,
        () => `asset ${asset.id} added: ${formatMoney(asset.appraisedMinor, currency)}`,
      );
    });

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
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const currency = String(o.currency);
      const offer = {
        id: String(o.id),
        assetIds: ids(String(o.assets)),
        buyer: String(o.buyer),
        amountMinor: money('amount', String(o.amount), currency),
        currency,
        date: String(o.date) as never,
        status: String(o.status) as (typeof offerStatuses)[number],
      };
      await write(command, (store) => store.property.add({ offers: [offer] }, actorOf(command)));
      output(command, offer, () => `offer ${offer.id} recorded`);
    });

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
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const restriction = {
        id: String(o.id),
        assetIds: ids(String(o.assets)),
        imposedBy: String(o.by),
        date: String(o.date) as never,
        permittedFraction: fraction('permitted', String(o.permitted)),
        priceCapFraction:
          o.priceCap === undefined ? null : fraction('price-cap', String(o.priceCap)),
        blocked: Boolean(o.blocked),
        note: o.note === undefined ? null : String(o.note),
      };
      await write(command, (store) =>
        store.property.add({ restrictions: [restriction] }, actorOf(command)),
      );
      output(command, restriction, () => `restriction ${restriction.id} recorded`);
    });

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
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const currency = String(o.currency);
      const sale = {
        id: String(o.id),
        assetId: String(o.asset),
        quantity: count('quantity', String(o.quantity)),
        amountMinor: money('amount', String(o.amount), currency),
        currency,
        date: String(o.date) as never,
        buyer: String(o.buyer),
      };
      await write(command, (store) => store.property.add({ sales: [sale] }, actorOf(command)));
      output(command, sale, () => `sale ${sale.id} recorded`);
    });

  property
    .command('abandon <asset>')
    .description('mark what is left of an asset as abandoned')
    .requiredOption('--date <day>', 'YYYY-MM-DD')
    .option('--note <text>', 'circumstances')
    .option('--json', 'print JSON')
    .action(async (assetId: string, o: Options, command: Command) => {
      const asset = await withStore(command, false, (store) =>
        store.property.abandon(
          {
            assetId,
            date: String(o.date) as never,
            note: o.note === undefined ? null : String(o.note),
          },
          actorOf(command),
        ),
      );
      output(command, asset, () => `asset ${assetId} abandoned on ${asset.abandonedOn}`);
    });

  property
    .command('list')
    .description('the ledger: assets with their appraisal, sales and abandonment')
    .option('--json', 'print JSON')
    .action(async (_o: Options, command: Command) => {
      const ledger = await withStore(command, false, (store) => store.property.ledger());
      output(
        command,
        ledger,
        () =>
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
    });

  property
    .command('report')
    .description(
      'appraised vs best offer vs permitted vs realised, and the loss, per category; totals per currency',
    )
    .option('--json', 'print JSON (amounts in minor units)')
    .action(async (_o: Options, command: Command) => {
      const report = await withStore(command, false, (store) => store.property.report());
      output(command, report, () => reportText(report));
    });
}
