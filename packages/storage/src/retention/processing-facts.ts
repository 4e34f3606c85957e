/** The operation's facts for the DPO's documents: settings and counts, never a person's data. */
import type { ProcessingFacts } from '@corridor/core';
import type { Db } from '../db/batch.js';

const count = async (
  db: Db,
  table:
    | 'persons'
    | 'households'
    | 'documents'
    | 'movements'
    | 'checkin_events'
    | 'incidents'
    | 'belongings'
    | 'backups',
): Promise<number> =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Reads the facts in one pass over the tables (ids and counts only). */
export async function processingFacts(
  db: Db,
  extra: Pick<
    ProcessingFacts,
    'keyGeneration' | 'pendingErasures' | 'backupRetentionDays' | 'retention'
  >,
): Promise<ProcessingFacts> {
  const op = await db.selectFrom('operations').selectAll().executeTakeFirst();
  const erased = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('erased_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const needs = await db
    .selectFrom('needs')
    .select(['code', (eb) => eb.fn.count('person_id').distinct().as('n')])
    .groupBy('code')
    .orderBy('code')
    .execute();
  const destinations = await db
    .selectFrom('destinations')
    .select(['country', 'name'])
    .orderBy('country')
    .execute();
  const carriers = await db
    .selectFrom('movements')
    .select('carrier')
    .distinct()
    .where('carrier', 'is not', null)
    .orderBy('carrier')
    .execute();
  const narratives = await db
    .selectFrom('incidents')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('narrative', 'is not', null)
    .executeTakeFirstOrThrow();
  const hooks = await db.selectFrom('webhooks').select('url').execute();
  const users = await db
    .selectFrom('users')
    .select(['role', (eb) => eb.fn.countAll().as('n')])
    .where('disabled', '=', false)
    .groupBy('role')
    .execute();
  const holds = await db
    .selectFrom('legal_holds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('released_at', 'is', null)
    .executeTakeFirstOrThrow();
  const host = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '(unreadable address)';
    }
  };
  return {
    operation: op
      ? {
          name: op.name,
          campName: op.camp_name,
          campCountry: op.camp_country,
          airportCode: op.airport_code,
          windowStart: op.window_start,
          windowEnd: op.window_end,
          isDemo: op.is_demo,
        }
      : null,
    persons: await count(db, 'persons'),
    erasedPersons: Number(erased.n),
    cases: await count(db, 'households'),
    needs: Object.fromEntries(needs.map((n) => [n.code, Number(n.n)])),
    documents: await count(db, 'documents'),
    destinations,
    carriers: carriers.map((c) => c.carrier!),
    movements: await count(db, 'movements'),
    checkinRecords: await count(db, 'checkin_events'),
    incidents: await count(db, 'incidents'),
    incidentNarratives: Number(narratives.n),
    belongings: await count(db, 'belongings'),
    webhookHosts: [...new Set(hooks.map((h) => host(h.url)))].sort(),
    users: Object.fromEntries(users.map((u) => [u.role, Number(u.n)])),
    backups: await count(db, 'backups'),
    activeLegalHolds: Number(holds.n),
    ...extra,
  };
}
