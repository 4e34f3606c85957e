/** The property ledger on Kysely: all-or-nothing writes, each with one audit event. */
import {
  AbandonmentSchema,
  errors,
  propertyReport,
  type Abandonment,
  type LedgerAsset,
  type PropertyLedger,
  type PropertyReport,
} from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, lockAuditChain, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { checkLedgerEntries } from './check-ledger.js';
import { readLedger } from './read-ledger.js';
import type { LedgerEntries, PropertyStore } from './property-store.js';
import { transact } from '../db/transact.js';

/** PropertyStore over Kysely. */
export class KyselyProperty implements PropertyStore {
  constructor(private readonly db: Kysely<Database>) {}

  add(entries: LedgerEntries, actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await lockAuditChain(trx);
      const households = new Set(
        (await trx.selectFrom('households').select('id').execute()).map((h) => h.id),
      );
      const checked = checkLedgerEntries(entries, await readLedger(trx), households);
      if (!checked.ok)
        throw errors.invalidInput(
          `nothing added to the property ledger: ${checked.problems.slice(0, 10).join('; ')}`,
          checked.problems,
        );
      const { assets, offers, restrictions, sales } = checked.entries;
      await insertInBatches(
        trx,
        'assets',
        assets.map((a) => ({
          id: a.id,
          scope: a.scope,
          household_id: a.householdId,
          description: a.description,
          category: a.category,
          quantity: a.quantity,
          location: a.location,
          appraised_minor: a.appraisedMinor,
          currency: a.currency,
          appraised_on: a.appraisedOn,
          abandoned_on: a.abandonedOn,
          abandon_note: a.abandonNote,
        })),
      );
      await insertInBatches(
        trx,
        'asset_offers',
        offers.map((o) => ({
          id: o.id,
          asset_ids: JSON.stringify(o.assetIds),
          buyer: o.buyer,
          amount_minor: o.amountMinor,
          currency: o.currency,
          date: o.date,
          status: o.status,
        })),
      );
      await insertInBatches(
        trx,
        'asset_restrictions',
        restrictions.map((r) => ({
          id: r.id,
          asset_ids: JSON.stringify(r.assetIds),
          imposed_by: r.imposedBy,
          date: r.date,
          permitted_fraction: r.permittedFraction,
          price_cap_fraction: r.priceCapFraction,
          blocked: r.blocked,
          note: r.note,
        })),
      );
      await insertInBatches(
        trx,
        'asset_sales',
        sales.map((s) => ({
          id: s.id,
          asset_id: s.assetId,
          quantity: s.quantity,
          amount_minor: s.amountMinor,
          currency: s.currency,
          date: s.date,
          buyer: s.buyer,
        })),
      );
      const counts = {
        assets: assets.length,
        offers: offers.length,
        restrictions: restrictions.length,
        sales: sales.length,
      };
      const only = [...assets, ...offers, ...restrictions, ...sales];
      await appendAudit(trx, actor, {
        action: 'property.add',
        entity: 'property',
        entityId: only.length === 1 ? only[0]!.id : '*',
        detail: counts,
      });
    });
  }

  abandon(abandonment: Abandonment, actor: Actor): Promise<LedgerAsset> {
    return transact(this.db, async (trx) => {
      await lockAuditChain(trx);
      const parsed = AbandonmentSchema.safeParse(abandonment);
      if (!parsed.success) {
        const i = parsed.error.issues[0]!;
        throw errors.invalidInput(`abandonment: ${i.path.join('.')} ${i.message}`);
      }
      const a = parsed.data;
      const ledger = await readLedger(trx);
      const asset = ledger.assets.find((x) => x.id === a.assetId);
      if (!asset) throw errors.notFound('asset', a.assetId);
      if (asset.abandonedOn)
        throw errors.conflict(`asset ${a.assetId} was already abandoned on ${asset.abandonedOn}`);
      const late = ledger.sales.find((s) => s.assetId === a.assetId && s.date > a.date);
      if (late)
        throw errors.invalidInput(`abandonment: date is before sale ${late.id} of ${late.date}`);
      await trx
        .updateTable('assets')
        .set({ abandoned_on: a.date, abandon_note: a.note })
        .where('id', '=', a.assetId)
        .execute();
      await appendAudit(trx, actor, {
        action: 'property.abandon',
        entity: 'asset',
        entityId: a.assetId,
        detail: { date: a.date },
      });
      return { ...asset, abandonedOn: a.date, abandonNote: a.note };
    });
  }

  ledger(): Promise<PropertyLedger> {
    return readLedger(this.db);
  }

  async report(): Promise<PropertyReport> {
    return propertyReport(await readLedger(this.db));
  }
}
