/**
 * Reads what the outcome comparison needs: the baseline timetable (the first, or one named), the
 * plan versions since, the movements as they went, households that left, no-shows and host-state
 * procedures, and classifies why each slipped case slipped.
 */
import {
  buildOutcome,
  caseStatuses,
  defaultHazardPrior,
  errors,
  foldCheckins,
  slipped,
  type IsoDate,
  type Outcome,
  type OutcomeCase,
  type SlipCause,
} from '@corridor/core';
import { hazardFrom, type Store } from '@corridor/storage';
import { procedureBounds } from '../procedure/bounds.js';

/** The comparison and the plans it compares. */
export interface OutcomeReport extends Outcome {
  baseline: { planId: number; version: number; createdAt: string };
  current: { planId: number; version: number };
}

const left = new Set(['departed', 'arrived']);

/** What a re-plan's reason for moving a case says about the cause. */
const causeOfReason: Record<string, SlipCause> = {
  'movement-cancelled': 'seat',
  'movement-smaller': 'seat',
  'made-room': 'seat',
  'not-ready': 'procedure',
  'documents-expire': 'procedure',
  'destination-paused': 'destination',
  'saves-exposure': 'hazard',
};

/** The comparison as of `asOf` against plan `baselineId` (default: the first timetable). */
export async function outcomeReport(
  store: Store,
  asOf: string,
  baselineId?: number,
): Promise<OutcomeReport> {
  if (!(await store.registry.operation())) throw errors.noOperation();
  const headers = (await store.plans.list('timetable')).sort((a, b) => a.id - b.id);
  if (headers.length === 0)
    throw errors.invalidInput('there is no timetable yet: run `corridor schedule` first');
  const baseHeader =
    baselineId === undefined ? headers[0]! : headers.find((h) => h.id === baselineId);
  if (!baseHeader)
    throw errors.invalidInput(`baseline: plan ${baselineId} is not a timetable plan`);
  const current = headers.find((h) => h.status === 'current') ?? headers.at(-1)!;
  // Every version from the baseline on, in order, for the reasons of each change.
  const versions = [];
  for (const h of headers.filter((x) => x.id >= baseHeader.id))
    versions.push((await store.plans.get(h.id))!);
  const baseline = versions[0]!;
  const latest = versions.find((v) => v.id === current.id) ?? versions.at(-1)!;
  const movements = new Map((await store.movements.list()).map((m) => [m.id, m]));
  const dayOf = (id: string | null) =>
    id ? (movements.get(id)?.departAt.slice(0, 10) ?? null) : null;
  const { cases } = await store.registry.planningCases(caseStatuses);
  const byCase = new Map(cases.map((c) => [c.id, c]));
  const nowOn = new Map(latest.assignments.map((a) => [a.householdId, a.movementId]));
  const startDay = String(baseline.params.startDay ?? baseline.createdAt.slice(0, 10));
  const bounds = await procedureBounds(store, asOf as IsoDate);
  // The desk's records of a movement, read once: per household, its members' agreed statuses.
  const desks = new Map<string, Promise<Map<string, string[]>>>();
  const checkin = (id: string) => {
    if (!desks.has(id)) desks.set(id, householdStatuses(store, id));
    return desks.get(id)!;
  };
  const rows: OutcomeCase[] = [];
  for (const a of baseline.assignments) {
    const c = byCase.get(a.householdId);
    if (!c) continue;
    const plannedDay = dayOf(a.movementId);
    const nowOnId = nowOn.get(a.householdId) ?? null;
    // Left: the household's status says so, or every member booked on a movement that has gone
    // boarded it (the desk's records).
    const boardedOn = async (id: string | null) => {
      if (!id || !left.has(movements.get(id)?.status ?? '')) return false;
      const statuses = (await checkin(id)).get(a.householdId) ?? [];
      return statuses.filter((s) => s === 'boarded' || left.has(s)).length >= c.persons;
    };
    const realisedDay = left.has(c.status)
      ? (dayOf(nowOnId) ?? plannedDay)
      : (await boardedOn(nowOnId))
        ? dayOf(nowOnId)
        : (await boardedOn(a.movementId))
          ? plannedDay
          : null;
    const row: OutcomeCase = {
      caseId: a.householdId,
      persons: c.persons,
      plannedDay,
      realisedDay,
      cause: null,
    };
    if (slipped(row, asOf)) row.cause = await causeOf(checkin, a, versions, bounds, movements);
    rows.push(row);
  }
  const hazard = await hazardFrom(
    store,
    startDay,
    asOf > startDay ? asOf : startDay,
    defaultHazardPrior,
  );
  return {
    ...buildOutcome({ startDay, asOf, hazard: hazard.map((d) => d.mean), cases: rows }),
    baseline: { planId: baseline.id, version: baseline.version, createdAt: baseline.createdAt },
    current: { planId: latest.id, version: latest.version },
  };
}

/** Each household's members' agreed check-in statuses on a movement, from every desk's records. */
async function householdStatuses(store: Store, movementId: string): Promise<Map<string, string[]>> {
  const states = [...foldCheckins(await store.checkin.events({ movementId })).values()];
  const homes = await store.checkin.persons(states.map((s) => s.personId));
  const out = new Map<string, string[]>();
  for (const s of states) {
    const household = homes.get(s.personId)?.householdId;
    if (!household || s.status === null) continue;
    out.set(household, [...(out.get(household) ?? []), s.status]);
  }
  return out;
}

/**
 * Why a case slipped: a no-show on its planned movement; else a host-state procedure that holds
 * it; else the reason of the first re-plan that moved it; else its movement's cancellation.
 */
async function causeOf(
  checkin: (movementId: string) => Promise<Map<string, string[]>>,
  planned: { householdId: string; movementId: string | null; destinationId: string | null },
  versions: { assignments: { householdId: string; movementId: string | null; reason: string }[] }[],
  bounds: Awaited<ReturnType<typeof procedureBounds>>,
  movements: Map<string, { status: string }>,
): Promise<SlipCause> {
  const movementId = planned.movementId!;
  const statuses = (await checkin(movementId)).get(planned.householdId) ?? [];
  if (statuses.includes('no-show')) return 'no-show';
  const procedure = planned.destinationId
    ? bounds.get(planned.householdId)?.get(planned.destinationId)
    : undefined;
  if (procedure?.refused) return 'procedure';
  for (const v of versions.slice(1)) {
    const a = v.assignments.find((x) => x.householdId === planned.householdId);
    if (a && a.movementId !== movementId) return causeOfReason[a.reason] ?? 'replanned';
  }
  if (movements.get(movementId)?.status === 'cancelled') return 'seat';
  return 'other';
}
