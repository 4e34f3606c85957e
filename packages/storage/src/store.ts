/** Opens every storage capability over one database, with the vault that guards personal data. */
import { join, resolve } from 'node:path';
import { errors } from '@corridor/core';
import type { Kysely } from 'kysely';
import {
  backupDatabase,
  readBackup,
  restoreDatabase,
  type BackupSummary,
} from './backup/backup.js';
import {
  auditEvents,
  auditHead,
  verifyAudit,
  deriveAuditKey,
  markKeyedChain,
  useAuditKey,
  type AuditAnchor,
  type AuditEvent,
  type AuditVerdict,
} from './audit/audit-store.js';
import type { CheckinStore } from './checkin/checkin-store.js';
import type { ConsentStore } from './consent/consent-store.js';
import { KyselyConsent } from './consent/kysely-consent.js';
import type { CustodyStore } from './custody/custody-store.js';
import { KyselyCustody } from './custody/kysely-custody.js';
import { KyselyCheckin } from './checkin/kysely-checkin.js';
import { openDatabase, type DatabaseConfig } from './db/open.js';
import { transact } from './db/transact.js';
import type { Database } from './db/schema.js';
import type { JobStore } from './jobs/job-store.js';
import { KyselyJobs } from './jobs/kysely-jobs.js';
import { KyselyIncidents } from './incidents/kysely-incidents.js';
import type { IncidentStore } from './incidents/incident-store.js';
import { KyselyMovements } from './movements/kysely-movements.js';
import type { MovementStore } from './movements/movement-store.js';
import { KyselyCandidates } from './movements/kysely-candidates.js';
import type { CandidateStore } from './movements/candidate-store.js';
import { KyselyPlans } from './plans/kysely-plans.js';
import type { PlanStore } from './plans/plan-store.js';
import { KyselyMessages } from './messages/kysely-messages.js';
import type { MessageStore } from './messages/message-store.js';
import { KyselyProcedures } from './procedures/kysely-procedures.js';
import { KyselyMappings } from './mappings/kysely-mappings.js';
import type { MappingStore } from './mappings/mapping-store.js';
import type { ProcedureStore } from './procedures/procedure-store.js';
import { KyselyProperty } from './property/kysely-property.js';
import type { PropertyStore } from './property/property-store.js';
import { KyselyRegistry } from './registry/kysely-registry.js';
import { KyselyPledges } from './pledges/kysely-pledges.js';
import type { PledgeStore } from './pledges/pledge-store.js';
import type { RegistryStore } from './registry/registry-store.js';
import { KyselySessions } from './users/kysely-sessions.js';
import { KyselyUsers } from './users/kysely-users.js';
import { KyselyWebhooks } from './webhooks/kysely-webhooks.js';
import { KyselyRetention } from './retention/kysely-retention.js';
import type { RetentionStore } from './retention/retention-store.js';
import type { WebhookStore } from './webhooks/webhook-store.js';
import type { SessionStore } from './users/session-store.js';
import type { UserStore } from './users/user-store.js';
import type { GrievanceStore } from './grievances/grievance-store.js';
import { KyselyGrievances } from './grievances/kysely-grievances.js';
import type { ArrivalStore } from './arrivals/arrival-store.js';
import { KyselyArrivals } from './arrivals/kysely-arrivals.js';
import { ErasureBatch } from './keys/erasure-batch.js';
import { openKeys } from './keys/open-keys.js';
import { rotateKeys, type Rotation, type RotationStage } from './keys/rotate-keys.js';
import { loadMasterKey } from './vault/master-key.js';
import { Vault } from './vault/vault.js';

/** The audit capability: read and verify the chain. */
export interface AuditStore {
  events(afterSeq?: number, limit?: number): Promise<AuditEvent[]>;
  /** Recomputes the chain; each anchor (kept outside the database) must still match. */
  verify(anchors?: readonly AuditAnchor[]): Promise<AuditVerdict>;
  /** The last event's number and hash, to keep outside the database. */
  head(): Promise<AuditAnchor & { at: string }>;
}

/** The key hierarchy: which generation wraps the data keys, and erasures waiting for a rotation. */
export interface KeyStore {
  /** The current generation, the keyring folder and the erasures (removals, retention shreddings) not yet final on disk. */
  status(): Promise<{ generation: number; keyDir: string; pendingErasures: number }>;
  /**
   * Re-wraps every data key under a new generation and destroys the old one now; `onStage` hears
   * each step (new file written, keys re-wrapped, committed, old file destroyed).
   */
  rotate(onStage?: (stage: RotationStage) => void | Promise<void>): Promise<Rotation>;
  /** Makes every waiting erasure final now (a rotation); undefined when none waited. */
  finishErasures(): Promise<Rotation | undefined>;
}

/** Every capability of one open database. */
export interface Store {
  kind: 'pglite' | 'postgres';
  /** The data folder or the redacted connection string. */
  target: string;
  /**
   * PostgreSQL only: SQL text of one or more statements straight on the connection pool,
   * resolving with pg's result (an array of results for several statements), which the pg-boss
   * queue needs and Kysely does not give (it keeps only the last statement's rows). Absent from the
   * store `atomically` hands out: on another connection it would run outside that transaction.
   */
  rawQuery?: (text: string, values?: unknown[]) => Promise<unknown>;
  registry: RegistryStore;
  /** Destinations' rules and pledges changed one at a time, with their history (issue 22). */
  pledges: PledgeStore;
  plans: PlanStore;
  movements: MovementStore;
  /** Candidate movements the timetable may book (issue 21 item 2). */
  candidates: CandidateStore;
  incidents: IncidentStore;
  audit: AuditStore;
  /** User accounts and their roles (M11). */
  users: UserStore;
  /** Login sessions and the request counters every server process shares (M11). */
  sessions: SessionStore;
  /** Check-in on the day of travel: per-station logs that merge (M6). */
  checkin: CheckinStore;
  /** Durable job records: long planning runs, their progress and results (M12). */
  jobs: JobStore;
  /** Webhook subscriptions and their queue of signed deliveries. */
  webhooks: WebhookStore;
  /** The property ledger: assets, offers, restrictions, sales (M9). */
  property: PropertyStore;
  /** Belongings and their hash-chained custody events (M9). */
  custody: CustodyStore;
  /** Grievances per case and appeals against an allocation (issue 23 item 2). */
  grievances: GrievanceStore;
  /** Arrival confirmations, confirmation links and follow-ups after arrival (issue 23 item 5). */
  arrivals: ArrivalStore;
  /** Consent per person and purpose, and the disclosure log (issue 20 item 4). */
  consent: ConsentStore;
  /** Key generations and the finishing of erasures (issue 20). */
  keys: KeyStore;
  /** Retention schedules, legal holds and the retention job's reports (issue 20 item 5). */
  retention: RetentionStore;
  /** Host-state procedures: templates per state and each case's steps (issue 21). */
  procedures: ProcedureStore;
  /** Message templates, the message log and contact details (issue 23 item 1). */
  messages: MessageStore;
  /** Saved form mappings for KoBoToolbox / ODK and Primero imports (issue 23 item 4). */
  mappings: MappingStore;
  /** The raw database, for capabilities added by later modules and for tests. */
  db: Kysely<Database>;
  /**
   * Runs `fn` with a store whose every write goes into one transaction: all of them are kept, or
   * none when `fn` throws (a re-plan's movements and its plan, say).
   */
  atomically<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  /** The whole database as one encrypted backup (readable only with the same master key). */
  backup(): Promise<{ content: Buffer; summary: BackupSummary }>;
  /** Restores a backup into this store, which must hold no operation yet. */
  restore(content: Buffer): Promise<BackupSummary>;
  close(): Promise<void>;
}

/** Where the store is: from --data, CORRIDOR_DATA, ./corridor-data; DATABASE_URL for PostgreSQL. */
export function resolveConfig(
  options: { data?: string | undefined; create?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): DatabaseConfig {
  return {
    // An empty CORRIDOR_DATA is unset, as an empty DATABASE_URL is (it named the working folder).
    dataDir: resolve(options.data ?? (env.CORRIDOR_DATA || 'corridor-data')),
    databaseUrl: env.DATABASE_URL || undefined,
    create: options.create ?? false,
  };
}

/** Where the keyring lives: CORRIDOR_KEY_DIR, else the data folder's keys/. */
export function keyDirOf(config: DatabaseConfig, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CORRIDOR_KEY_DIR || join(config.dataDir, 'keys'));
}

async function openVault(
  db: Kysely<Database>,
  config: DatabaseConfig,
  env: NodeJS.ProcessEnv,
  mayCreateKey: boolean,
): Promise<{ vault: Vault; auditKey: Buffer }> {
  const stored = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', 'key_check')
    .executeTakeFirst();
  const master = loadMasterKey(join(config.dataDir, 'master.key'), !stored && mayCreateKey, env);
  const vault = new Vault(master.key, keyDirOf(config, env));
  if (!stored) {
    await db
      .insertInto('meta')
      .values({ key: 'key_check', value: vault.keyCheck() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const again = await db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', 'key_check')
      .executeTakeFirstOrThrow();
    if (again.value !== vault.keyCheck()) throw errors.keyMismatch(master.source);
  } else if (stored.value !== vault.keyCheck()) {
    throw errors.keyMismatch(master.source);
  }
  await openKeys(db, vault);
  return { vault, auditKey: deriveAuditKey(master.key) };
}

/** Every capability over `db` (the database, or one transaction of it). */
function storeOver(
  db: Kysely<Database>,
  vault: Vault,
  policy: { erasures: ErasureBatch; backupRetentionDays: number },
  base: Pick<Store, 'kind' | 'target' | 'close' | 'rawQuery'>,
): Store {
  const { erasures } = policy;
  return {
    ...base,
    registry: new KyselyRegistry(db, vault, erasures),
    pledges: new KyselyPledges(db),
    plans: new KyselyPlans(db),
    movements: new KyselyMovements(db),
    candidates: new KyselyCandidates(db),
    incidents: new KyselyIncidents(db, vault),
    checkin: new KyselyCheckin(db, vault),
    jobs: new KyselyJobs(db, vault),
    webhooks: new KyselyWebhooks(db, vault),
    property: new KyselyProperty(db),
    custody: new KyselyCustody(db, vault),
    retention: new KyselyRetention(db, vault, policy.backupRetentionDays, erasures),
    grievances: new KyselyGrievances(db, vault),
    arrivals: new KyselyArrivals(db),
    consent: new KyselyConsent(db, vault),
    procedures: new KyselyProcedures(db, vault),
    messages: new KyselyMessages(db, vault),
    mappings: new KyselyMappings(db),
    audit: {
      events: (after, limit) => auditEvents(db, after, limit),
      verify: (anchors) => verifyAudit(db, anchors),
      head: () => auditHead(db),
    },
    users: new KyselyUsers(db),
    sessions: new KyselySessions(db, vault),
    keys: {
      status: async () => ({
        generation: vault.generation,
        keyDir: vault.keyring.dir,
        pendingErasures: Number(
          (
            await db
              .selectFrom('key_erasures')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('final_at', 'is', null)
              .executeTakeFirstOrThrow()
          ).n,
        ),
      }),
      rotate: (onStage) => rotateKeys(db, vault, onStage),
      finishErasures: () => erasures.finish(),
    },
    db,
    atomically: (fn) =>
      transact(db, (trx) =>
        fn(
          storeOver(trx, vault, policy, {
            kind: base.kind,
            target: base.target,
            close: base.close,
          }),
        ),
      ),
    backup: () => backupDatabase(db, vault, policy.backupRetentionDays),
    restore: async (content) => {
      const summary = await restoreDatabase(db, vault, readBackup(content, vault));
      await markKeyedChain(db);
      return summary;
    },
  };
}

/** Opens the database, checks the master key and returns every capability. */
export async function openStore(
  config: DatabaseConfig,
  env: NodeJS.ProcessEnv = process.env,
  options: { mayCreateKey?: boolean } = {},
): Promise<Store> {
  const opened = await openDatabase(config);
  try {
    const { vault, auditKey } = await openVault(
      opened.db,
      config,
      env,
      options.mayCreateKey ?? true,
    );
    await useAuditKey(opened.db, auditKey);
    const erasures = new ErasureBatch(opened.db, vault, erasureWindowMs(env));
    const policy = { erasures, backupRetentionDays: backupRetentionDays(env) };
    let closing: Promise<void> | undefined;
    return storeOver(opened.db, vault, policy, {
      kind: opened.kind,
      target: opened.target,
      // Erasures still waiting become final before the data is let go.
      close: () =>
        (closing ??= (async () => {
          try {
            await erasures.finish();
          } finally {
            await opened.close();
          }
        })()),
      ...(opened.rawQuery ? { rawQuery: opened.rawQuery } : {}),
    });
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** How long backups are kept before they expire: CORRIDOR_BACKUP_RETENTION_DAYS, 30 by default. */
function backupRetentionDays(env: NodeJS.ProcessEnv): number {
  const raw = env.CORRIDOR_BACKUP_RETENTION_DAYS;
  const days = raw === undefined || raw === '' ? 30 : Number(raw);
  if (!Number.isFinite(days) || days <= 0 || days > 3660)
    throw errors.invalidInput(
      `CORRIDOR_BACKUP_RETENTION_DAYS must be a number of days from 1 to 3660, not ${raw}`,
    );
  return days;
}

/** How long an erasure batch stays open: CORRIDOR_ERASURE_BATCH_SECONDS, 60 s by default. */
function erasureWindowMs(env: NodeJS.ProcessEnv): number {
  const raw = env.CORRIDOR_ERASURE_BATCH_SECONDS;
  const seconds = raw === undefined || raw === '' ? 60 : Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86_400)
    throw errors.invalidInput(
      `CORRIDOR_ERASURE_BATCH_SECONDS must be a number of seconds from 0 to 86400, not ${raw}`,
    );
  return seconds * 1000;
}
