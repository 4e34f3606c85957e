/** Incidents on Kysely; each narrative is encrypted under its own data key. */
import {
  errors,
  IncidentSchema,
  toZonedIso,
  type HazardIncident,
  type Incident,
} from '@corridor/core';
import { sql, type Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import { insertInBatches } from '../db/batch.js';
import type { Database } from '../db/schema.js';
import { pinGeneration } from '../keys/rotate-keys.js';
import type { Vault } from '../vault/vault.js';
import type { IncidentStore } from './incident-store.js';
import { transact } from '../db/transact.js';

/** Advisory lock key: one writer of the incident log at a time, so two adds of one id cannot both pass the check. */
const writerLockKey = 7_270_501;

/** IncidentStore over Kysely. */
export class KyselyIncidents implements IncidentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  add(incidents: Incident[], actor: Actor): Promise<void> {
    return transact(this.db, async (trx) => {
      await sql`select pg_advisory_xact_lock(${writerLockKey})`.execute(trx);
      const pin = await pinGeneration(trx, this.vault);
      const existing = new Set(
        (await trx.selectFrom('incidents').select('id').execute()).map((r) => r.id),
      );
      const cases = new Set(
        (await trx.selectFrom('households').select('id').execute()).map((r) => r.id),
      );
      const problems: string[] = [];
      const seen = new Set<string>();
      incidents.forEach((raw, k) => {
        const parsed = IncidentSchema.safeParse(raw);
        const label = `incident ${(raw as { id?: unknown })?.id ?? `#${k + 1}`}`;
        if (!parsed.success)
          for (const i of parsed.error.issues)
            problems.push(`${label}: ${i.path.join('.') || 'record'} ${i.message}`);
        else if (existing.has(parsed.data.id) || seen.has(parsed.data.id))
          problems.push(`${label}: id is already used`);
        else
          for (const c of parsed.data.cases.filter((id) => !cases.has(id)))
            problems.push(`${label}: cases names ${c}, which is not a case of this operation`);
        seen.add((raw as { id: string }).id);
      });
      if (problems.length > 0)
        throw errors.invalidInput(
          `incidents not added: ${problems.slice(0, 10).join('; ')}`,
          problems,
        );
      await insertInBatches(
        trx,
        'incidents',
        incidents.map((i) => {
          const sealed = i.narrative ? this.vault.newRecordKey(pin, 'incident', i.id) : null;
          return {
            id: i.id,
            type: i.type,
            at: i.at,
            timezone: i.timezone,
            site: i.site,
            lat: i.lat,
            lon: i.lon,
            injured: i.injured,
            killed: i.killed,
            source: i.source,
            confidence: i.confidence,
            narrative: sealed
              ? this.vault.encrypt(sealed.key, `incident:${i.id}`, i.narrative)
              : null,
            narrative_key: sealed?.wrapped ?? null,
            cases: JSON.stringify(i.cases),
          };
        }),
      );
      await appendAudit(trx, actor, {
        action: 'incident.add',
        entity: 'incident',
        entityId: incidents.length === 1 ? incidents[0]!.id : '*',
        detail: { count: incidents.length },
      });
    });
  }

  async list(): Promise<Incident[]> {
    const rows = await this.db
      .selectFrom('incidents')
      .selectAll()
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type as Incident['type'],
      at: toZonedIso(new Date(r.at), r.timezone),
      timezone: r.timezone,
      site: r.site,
      lat: r.lat,
      lon: r.lon,
      injured: r.injured,
      killed: r.killed,
      source: r.source,
      confidence: r.confidence as Incident['confidence'],
      narrative:
        r.narrative && r.narrative_key
          ? this.vault.decrypt<string>(
              this.vault.unwrapRecordKey('incident', r.id, r.narrative_key),
              `incident:${r.id}`,
              r.narrative,
            )
          : null,
      cases: r.cases,
    }));
  }

  async forHazard(): Promise<HazardIncident[]> {
    const rows = await this.db
      .selectFrom('incidents')
      .select(['at', 'timezone', 'injured', 'killed', 'confidence'])
      .orderBy('at')
      .execute();
    return rows.map((r) => ({
      day: toZonedIso(new Date(r.at), r.timezone).slice(0, 10),
      injured: r.injured,
      killed: r.killed,
      confidence: r.confidence as HazardIncident['confidence'],
    }));
  }
}
