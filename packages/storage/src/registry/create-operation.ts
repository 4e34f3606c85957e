/** Writes a whole operation's registry in one transaction, encrypting personal data. */
import type { OperationData } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';
import { insertConsentSeeds } from '../consent/kysely-consent.js';
import type { Db } from '../db/batch.js';
import { withSetCheckedKeys } from '../db/set-checked-keys.js';
import type { Vault } from '../vault/vault.js';
import {
  writeCaseHistory,
  writeCaseLinks,
  writeDestinations,
  writeHouseholds,
  writeOperation,
  writePersons,
  writePreferences,
  writeTies,
} from './registry-writer.js';

/** Inserts every record of `data`; the caller provides the transaction. */
export async function insertOperation(
  trx: Db,
  vault: Vault,
  data: OperationData,
  actor: Actor,
): Promise<void> {
  const o = data.operation;
  await writeOperation(trx, o, actor, {
    households: data.households.length,
    persons: data.persons.length,
    destinations: data.destinations.length,
    demo: o.isDemo,
  });
  await writeDestinations(trx, data.destinations, data.pledges);
  // Foreign keys are checked once per table after the bulk inserts, not once per row.
  await withSetCheckedKeys(trx, async () => {
    await writeHouseholds(trx, data.households);
    await writePersons(trx, vault, data.persons, data.needs, data.documents);
    await writeCaseLinks(trx, data.links);
    await writePreferences(trx, data.preferences);
    await writeTies(trx, data.ties);
    if (data.consents?.length) {
      const households = new Map(data.persons.map((p) => [p.id, p.householdId]));
      await insertConsentSeeds(trx, data.consents, households, actor);
    }
  });
  await writeCaseHistory(
    trx,
    data.households.map((h) => ({
      householdId: h.id,
      from: null,
      to: h.status,
      reason: o.isDemo ? 'created by the demo generator' : 'registered',
    })),
    actor,
  );
}
