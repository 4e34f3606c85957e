/** Gathers the situation report's inputs from the store (registry, plans, timetable, incidents). */
import {
  addDays,
  buildSituation,
  defaultHazardPrior,
  errors,
  pledgedTotals,
  type IsoDate,
  type SituationReport,
} from '@corridor/core';
import { hazardFrom, timetableView, type Store } from '@corridor/storage';
import { outcomeReport } from './outcome-data.js';

/** A timetable plan's exposure: `exposure` of a schedule run, `exposureAfter` of a re-plan. */
function exposureOf(summary: Record<string, unknown> | undefined): number | null {
  const v = summary?.exposure ?? summary?.exposureAfter;
  return typeof v === 'number' ? v : null;
}

/** The report's content as of `today` (YYYY-MM-DD). */
export async function situationReport(store: Store, today: string): Promise<SituationReport> {
  const operation = await store.registry.operation();
  if (!operation) throw errors.noOperation();
  const status = await store.registry.status();
  const destinations = await store.registry.destinations();
  const pledges = await store.registry.pledges();
  const allocation = await store.plans.current('allocation');
  const schedule = await store.plans.current('timetable');
  const byDestination = (allocation?.summary.byDestination ?? {}) as Record<
    string,
    { persons?: number }
  >;
  const timetable = (await timetableView(store, 'timetable')) ?? [];
  const incidents = await store.incidents.list();
  const hazard = await hazardFrom(
    store,
    operation.windowStart,
    operation.windowEnd,
    defaultHazardPrior,
  );
  const head = await store.audit.head();
  const pledged = pledgedTotals(
    destinations.map((d) => d.id),
    pledges,
  );
  const report = buildSituation({
    operation,
    persons: status.persons,
    households: status.households,
    personsByStatus: status.personsByStatus,
    pledgedPersons: status.pledgedPersons,
    destinations: destinations.map((d) => ({
      id: d.id,
      name: d.name,
      pledgedPersons: pledged.get(d.id)!.persons,
    })),
    allocated: Object.fromEntries(
      Object.entries(byDestination).map(([id, v]) => [id, v.persons ?? 0]),
    ),
    timetable,
    hazard,
    incidents: incidents.map((i) => ({
      id: i.id,
      type: i.type,
      at: i.at,
      site: i.site,
      injured: i.injured,
      killed: i.killed,
    })),
    plannedExposure: exposureOf(schedule?.summary),
    property: (await store.property.report()).totals,
    today,
  });
  return {
    ...report,
    ...(await expiringDocuments(store, today)),
    auditHead: `${head.seq}:${head.hash}`,
    outcome: schedule ? await outcomeSummary(store, today) : null,
  };
}

/** The outcome comparison as the report prints it: figures and causes, no list of cases. */
async function outcomeSummary(store: Store, today: string): Promise<SituationReport['outcome']> {
  const o = await outcomeReport(store, today);
  const { list: _list, ...slips } = o.slips;
  return {
    baselineVersion: o.baseline.version,
    exposure: o.exposure,
    departed: o.departed,
    slips,
  };
}

/** How many days ahead the report looks for expiring travel documents. */
const expiryWindowDays = 60;

/** The cases whose valid procedure documents expire within the window (the planner's alert). */
async function expiringDocuments(
  store: Store,
  today: string,
): Promise<Pick<SituationReport, 'expiringDocuments'>> {
  const by = addDays(today as IsoDate, expiryWindowDays);
  const steps = (await store.procedures.steps({ expiresBy: by })).filter(
    (s) => (s.outcome === 'positive' || s.outcome === 'done') && s.expires! >= today,
  );
  if (steps.length === 0) return {};
  const byStep: Record<string, number> = {};
  for (const s of steps) byStep[s.step] = (byStep[s.step] ?? 0) + 1;
  return {
    expiringDocuments: {
      withinDays: expiryWindowDays,
      cases: new Set(steps.map((s) => s.caseId)).size,
      byStep,
    },
  };
}
