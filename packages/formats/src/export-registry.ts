/** Exports persons, households, plans and timetables as CSV, XLSX or JSON. */
import {
  errors,
  householdRows,
  personRows,
  planRows,
  type ExportTable,
  type PlanRowInput,
} from '@corridor/core';
import { sql } from 'kysely';
import type { Store } from '@corridor/storage';
import { tableToCsv } from './csv-write.js';
import { tableToJson } from './json-write.js';
import { tableToXlsx } from './xlsx-write.js';

/** What can be exported. */
export const exportKinds = ['persons', 'households', 'plan', 'timetable', 'destinations'] as const;
/** One export kind. */
export type ExportKind = (typeof exportKinds)[number];
/** The formats an export writes. */
export const exportFormats = ['csv', 'xlsx', 'json'] as const;
/** One export format. */
export type ExportFormat = (typeof exportFormats)[number];

/** Options of an export. */
export interface ExportOptions {
  format: ExportFormat;
  /** Add the HXL hashtag row (CSV, XLSX). */
  hxl?: boolean;
  /** Leave out personal data (names, birth dates, documents, contact, protection detail). */
  redact?: boolean;
}

async function planTable(store: Store, kind: 'plan' | 'timetable'): Promise<ExportTable> {
  const plan =
    kind === 'plan'
      ? ((await store.plans.current('allocation')) ?? (await store.plans.current('joint')))
      : ((await store.plans.current('timetable')) ?? (await store.plans.current('joint')));
  if (!plan)
    throw errors.notFound(kind === 'plan' ? 'current allocation plan' : 'current timetable', '');
  const sizes = new Map(
    (
      await store.db
        .selectFrom('persons')
        .select(['household_id', sql<number>`count(*)::int`.as('n')])
        .where('merged_into', 'is', null)
        .groupBy('household_id')
        .execute()
    ).map((r) => [r.household_id, r.n]),
  );
  const departs = new Map((await store.movements.list()).map((m) => [m.id, m.departAt]));
  const rows: PlanRowInput[] = plan.assignments.map((a) => ({
    ...a,
    persons: sizes.get(a.householdId) ?? 0,
    departAt: a.movementId ? (departs.get(a.movementId) ?? null) : null,
  }));
  return planRows(rows, kind === 'timetable');
}

/** The export as bytes, ready to write to a file or to stdout. */
export async function exportRegistry(
  store: Store,
  kind: ExportKind,
  options: ExportOptions,
): Promise<Buffer> {
  if (kind === 'destinations') {
    if (options.format !== 'json')
      throw errors.invalidInput('destinations are exported as JSON only (--format json)');
    const body = {
      destinations: await store.registry.destinations(),
      pledges: await store.registry.pledges(),
    };
    return Buffer.from(JSON.stringify(body, null, 2) + '\n');
  }
  const table =
    kind === 'persons'
      ? personRows(await store.registry.snapshot(), { redact: Boolean(options.redact) })
      : kind === 'households'
        ? householdRows(await store.registry.snapshot())
        : await planTable(store, kind);
  if (options.format === 'csv')
    return Buffer.from(tableToCsv(table, { hxl: Boolean(options.hxl) }));
  if (options.format === 'xlsx')
    return tableToXlsx(table, { hxl: Boolean(options.hxl), sheet: kind });
  return Buffer.from(tableToJson(kind, table));
}
