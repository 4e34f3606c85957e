/** Reads the timetable problem from the store (used by schedule, timetable and replan). */
import {
  addDays as addIsoDays,
  errors,
  plannedKgPerPerson,
  schedulableStatuses,
  type CaseStatus,
  type HazardDay,
  type IsoDate,
} from '@corridor/core';
import {
  buildAllocationInstance,
  type AllocationInput,
  type TimetableCase,
  type TimetableInput,
} from '@corridor/optimizer';
import { hazardFrom, type Store } from '@corridor/storage';
import { procedureBounds } from '../procedure/bounds.js';
import { loadAllocationInput } from './allocation-input.js';
import { casesWithoutRegistrationConsent } from './consent-exclusions.js';

const readyNow: CaseStatus[] = ['exit-cleared', 'scheduled', 'checked-in'];
const needsFirstCodes = ['SM', 'DS', 'ER', 'CR', 'SC', 'WR'];

/** How the timetable problem is read. */
export interface TimetableOptions {
  joint: boolean;
  /** Give cases with specific needs priority 1 (at least). */
  needsFirst: boolean;
  /** Expected incidents per day when no hazard estimate is available. */
  hazardRate: number;
  /** First day of the plan (default: today, or the operation's first day if later). */
  today?: string;
  /** `averse`: plan against the hazard's 90% upper quantile instead of its mean (default neutral). */
  risk?: RiskAttitude;
}

/** How the plan treats the hazard's uncertainty. */
export const riskAttitudes = ['neutral', 'averse'] as const;
export type RiskAttitude = (typeof riskAttitudes)[number];

function addDays(day: string, n: number): string {
  return addIsoDays(day as IsoDate, n);
}

/** The timetable input, the allocation input it came from, and the previous timetable's movements. */
export async function loadTimetableInput(
  store: Store,
  o: TimetableOptions,
): Promise<{
  input: TimetableInput;
  allocation: AllocationInput;
  previous: (string | null)[];
  /** The hazard estimate behind `input.hazard`, day by day (mean, upper quantile, evidence). */
  hazardDays: HazardDay[];
  /** Cases left out: a member refused or withdrew registration consent (consent-exclusions.ts). */
  withoutConsent: string[];
}> {
  const op = await store.registry.operation();
  if (!op) throw errors.noOperation();
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const startDay = today > op.windowStart ? today : op.windowStart;
  const allocationPlan = await store.plans.current('allocation');
  if (!o.joint && !allocationPlan)
    throw errors.invalidInput(
      'there is no allocation plan yet; run `corridor allocate` first (or use --joint)',
    );
  const destinationOf = new Map(
    (allocationPlan?.assignments ?? []).map((a) => [a.householdId, a.destinationId]),
  );
  const destinations = await store.registry.destinations();
  const lead = new Map(destinations.map((d) => [d.id, d.leadTimeDays]));
  const medianLead = [...lead.values()].sort((a, b) => a - b)[Math.floor(lead.size / 2)] ?? 0;
  // Infant places count those under two in the plan's first year (planning knows birth years).
  const all = await store.registry.planningCases(schedulableStatuses, {
    travelYear: Number(startDay.slice(0, 4)),
  });
  const withoutConsent = await casesWithoutRegistrationConsent(
    store,
    all.cases.map((c) => c.id),
  );
  const excluded = new Set(withoutConsent);
  const cases = all.cases.filter((c) => !excluded.has(c.id));
  const links = all.links.filter((l) => !excluded.has(l.a) && !excluded.has(l.b));
  const previousPlan = await store.plans.current(o.joint ? 'joint' : 'timetable');
  const previousOf = new Map(
    (previousPlan?.assignments ?? []).map((a) => [a.householdId, a.movementId]),
  );
  const allocation = await loadAllocationInput(store, today);
  const allocationInstance = buildAllocationInstance(allocation);
  const pointsOf = new Map(
    allocation.cases.map((c, i) => [
      c.id,
      allocationInstance.items[i]!.pairs.map((p) => ({
        id: allocation.destinations[p.bin]!.id,
        points: p.weight,
      })),
    ]),
  );
  const movements = (await store.movements.list())
    .filter((m) => m.status === 'planned' || m.status === 'confirmed')
    .map((m) => ({
      id: m.id,
      destinationId: m.destinationId,
      day: m.departAt.slice(0, 10),
      seats: m.seats,
      baggageKg: m.baggageKg,
      specialSeats: m.specialSeats ?? null,
    }));
  // A planner's lock to a movement pins the case there while the movement can still leave (and,
  // in timetable mode, goes where the case is allocated); other locks are left to allocation.
  const open = new Map(movements.map((m) => [m.id, m]));
  const lockedTo = new Map(
    (await store.plans.locks())
      .filter((l) => l.movementId && open.has(l.movementId))
      .map((l) => [l.householdId, l.movementId!]),
  );
  const pinnable = (movementId: string | undefined, to: string | null) =>
    movementId && (o.joint || !to || open.get(movementId)!.destinationId === to)
      ? { pinned: movementId }
      : {};
  // Host-state procedures: a later ready day, a last day before documents expire, or a refusal.
  const bounds = await procedureBounds(store, startDay as IsoDate);
  const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);
  const timetableCases: TimetableCase[] = [];
  for (const c of cases) {
    const destinationId = o.joint ? null : (destinationOf.get(c.id) ?? null);
    if (!o.joint && !destinationId) continue;
    if (o.joint && !pointsOf.get(c.id)?.length) continue;
    const procedure = destinationId ? bounds.get(c.id)?.get(destinationId) : undefined;
    if (procedure?.refused) continue;
    const leadDays = readyNow.includes(c.status)
      ? 0
      : destinationId
        ? (lead.get(destinationId) ?? 0)
        : medianLead;
    const earliest = addDays(startDay, leadDays);
    const readyDay = later(
      c.readyDate && c.readyDate > earliest ? c.readyDate : earliest,
      procedure?.readyDay,
    );
    const previous = previousOf.get(c.id) ?? undefined;
    timetableCases.push({
      id: c.id,
      persons: c.persons,
      baggageKg: plannedKgPerPerson * c.persons,
      readyDay,
      ...(procedure?.latestDay ? { latestDay: procedure.latestDay } : {}),
      priority: Math.max(
        c.priority,
        o.needsFirst && c.needs.some((n) => needsFirstCodes.includes(n)) ? 1 : 0,
      ),
      destinationId,
      medicalPersons: c.medicalPersons,
      specialSeats: c.specialSeats,
      ...(o.joint
        ? {
            destinations: (pointsOf.get(c.id) ?? [])
              .filter((d) => !bounds.get(c.id)?.get(d.id)?.refused)
              .map((d) => {
                const ready = addDays(
                  startDay,
                  readyNow.includes(c.status) ? 0 : (lead.get(d.id) ?? 0),
                );
                const bound = bounds.get(c.id)?.get(d.id);
                return {
                  ...d,
                  readyDay: later(
                    c.readyDate && c.readyDate > ready ? c.readyDate : ready,
                    bound?.readyDay,
                  ),
                  ...(bound?.latestDay ? { latestDay: bound.latestDay } : {}),
                };
              }),
          }
        : {}),
      ...(c.status === 'checked-in' && previous
        ? { pinned: previous }
        : pinnable(lockedTo.get(c.id), destinationId)),
      ...(previous ? { previous } : {}),
    });
  }
  const pledges = await store.registry.pledges();
  const horizon = Math.max(
    1,
    ...movements.map(
      (m) => Math.round((Date.parse(m.day) - Date.parse(startDay)) / 86_400_000) + 2,
    ),
  );
  const hazardDays = await hazardFrom(store, startDay, addDays(startDay, horizon), o.hazardRate);
  const input: TimetableInput = {
    startDay,
    // A risk-averse plan is made against the posterior's 90% upper quantile, day by day.
    hazard: hazardDays.map((d) => (o.risk === 'averse' ? d.upper90 : d.mean)),
    cases: timetableCases,
    movements,
    ground: (await store.movements.groundCapacity()).map((g) => ({
      day: g.day,
      persons: g.persons,
    })),
    intake: pledges
      .filter((p) => p.periodEnd >= startDay)
      .map((p) => ({
        destinationId: p.destinationId,
        from: p.periodStart,
        to: p.periodEnd,
        persons: p.persons,
      })),
    links: links.filter((l) => l.kind === 'travel-together').map((l) => ({ caseIds: [l.a, l.b] })),
    ...(o.joint
      ? {
          destinationLimits: allocation.destinations.map((d) => ({
            id: d.id,
            cases: d.cases,
            medicalPlaces: d.medicalPlaces,
          })),
        }
      : {}),
  };
  return {
    input,
    allocation,
    previous: timetableCases.map((c) => c.previous ?? null),
    hazardDays,
    withoutConsent,
  };
}
