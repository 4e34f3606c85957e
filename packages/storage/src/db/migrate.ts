/** Applies Corridor's migrations, in order and idempotently, to PGlite or PostgreSQL alike. */
import { type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as registry from './migrations/0001-registry.js';
import * as plans from './migrations/0002-plans-movements.js';
import * as users from './migrations/0003-users-sessions.js';
import * as importCheckin from './migrations/0004-import-checkin.js';
import * as incidents from './migrations/0006-incidents.js';
import * as propertyCustody from './migrations/0007-property-custody.js';
import * as jobs from './migrations/0008-jobs.js';
import * as jobSaved from './migrations/0009-job-saved.js';
import * as keyGenerations from './migrations/0010-key-generations.js';
import * as webhooks from './migrations/0011-webhooks.js';
import * as personEdits from './migrations/0012-person-edits.js';
import * as movementCarrier from './migrations/0013-movement-carrier.js';
import * as retention from './migrations/0015-retention.js';
import * as pledgeChanges from './migrations/0018-pledge-changes.js';
import * as grievances from './migrations/0016-grievances.js';
import * as consent from './migrations/0014-consent.js';
import * as procedures from './migrations/0017-procedures.js';
import * as messages from './migrations/0019-messages.js';
import * as importMappings from './migrations/0020-import-mappings.js';
import * as afterArrival from './migrations/0021-after-arrival.js';
import * as specialSeats from './migrations/0022-special-seats.js';
import * as messageDelivery from './migrations/0023-message-delivery.js';
import * as finalOnDisk from './migrations/0024-final-on-disk.js';
import * as movementCandidates from './migrations/0025-movement-candidates.js';
import * as sealedJobInput from './migrations/0026-sealed-job-input.js';
import * as sealedCheckinNotes from './migrations/0027-sealed-checkin-notes.js';
import * as freshItemSecrets from './migrations/0028-fresh-item-secrets.js';

const migrations: Record<string, Migration> = {
  '0001-registry': registry,
  '0002-plans-movements': plans,
  '0003-users-sessions': users,
  '0004-import-checkin': importCheckin,
  '0006-incidents': incidents,
  '0007-property-custody': propertyCustody,
  '0008-jobs': jobs,
  '0009-job-saved': jobSaved,
  '0010-key-generations': keyGenerations,
  '0011-webhooks': webhooks,
  '0012-person-edits': personEdits,
  '0013-movement-carrier': movementCarrier,
  '0015-retention': retention,
  '0018-pledge-changes': pledgeChanges,
  '0016-grievances': grievances,
  '0014-consent': consent,
  '0017-procedures': procedures,
  '0019-messages': messages,
  '0020-import-mappings': importMappings,
  '0021-after-arrival': afterArrival,
  '0022-special-seats': specialSeats,
  '0023-message-delivery': messageDelivery,
  '0024-final-on-disk': finalOnDisk,
  '0025-movement-candidates': movementCandidates,
  '0026-sealed-job-input': sealedJobInput,
  '0027-sealed-checkin-notes': sealedCheckinNotes,
  '0028-fresh-item-secrets': freshItemSecrets,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations;
  }
}

/** Brings the schema up to date; safe to call on every start and from several processes. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new StaticProvider(),
    migrationTableName: 'corridor_migrations',
    migrationLockTableName: 'corridor_migrations_lock',
    // Numbers are reserved per issue (architecture.md), so a lower one may land after a higher one.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
