/** Gathers the situation report's inputs from the store (registry, plans, timetable, incidents). */
import {
  buildSituation,
  defaultHazardPrior,
  errors,
  pledgedTotals,
  type SituationReport,
} from '@corridor/core';
import { hazardFrom, timetableView, type Store } from '@corridor/storage';

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
  return { ...report, auditHead: `${head.seq}:${head.hash}` };
}
