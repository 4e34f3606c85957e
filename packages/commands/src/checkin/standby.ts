/**
 * `checkin.standby` (issue 21 item 3): per movement, the ranked list of cases that could fill a
 * seat left free on the day — a no-show, a cancelled household. A case is on the list when it
 * goes to the movement's destination, is ready by the day (host-state procedures included), its
 * visa and exit permit still run that day, every member holds a travel document valid that day,
 * it is not locked elsewhere, and it would otherwise leave later (or has no movement yet). The
 * household travels whole, so a case fits only when all its members find a seat. Ranked by the
 * exposure the earlier departure saves (persons × the hazard between the two days), then priority.
 */
import { defaultHazardPrior, errors, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { loadTimetableInput } from '../planning/timetable-input.js';
import { movementSummary } from './state.js';

const Candidate = z.object({
  case: z.string(),
  persons: z.number().int(),
  fits: z.boolean().describe('every member finds a free seat now'),
  from: z.string().nullable().describe('the movement the case is on now (null: none yet)'),
  fromDay: z.string().nullable(),
  readyDay: z.string(),
  latestDay: z.string().nullable().describe('last day its procedure documents allow'),
  priority: z.number().int(),
  exposureSaved: z
    .number()
    .describe('expected person-incidents saved by leaving on this movement instead'),
});

const Excluded = z.object({
  notReady: z.number().int(),
  pastLatest: z.number().int(),
  documents: z.number().int().describe('a member holds no travel document valid on the day'),
  locked: z.number().int().describe('locked by a planner or checked in on another movement'),
  leavesEarlier: z.number().int(),
});

/** The ranked standby list of one movement; nothing changes. */
export const checkinStandby = defineCommand({
  name: 'checkin.standby',
  summary: 'Cases that can fill a free seat on a movement on the day, ranked (nothing changes)',
  input: z.object({
    movementId: IdSchema,
    limit: z.coerce.number().int().min(1).max(500).default(20).describe('at most this many'),
  }),
  output: z.object({
    movementId: z.string(),
    destinationId: z.string().nullable(),
    day: z.string(),
    seatsFree: z.number().int(),
    plan: z.enum(['timetable', 'joint']),
    total: z.number().int().describe('cases on the list before the limit'),
    candidates: z.array(Candidate),
    excluded: Excluded.describe('cases to the same destination left off, by reason'),
  }),
  // Case ids, counts and dates, like the timetable: every role that reads plans reads it.
  permission: 'plan.read',
  audit: null,
  async run({ store, now }, { movementId, limit }) {
    const movement = await store.movements.get(movementId);
    if (!movement) throw errors.notFound('movement', movementId);
    if (movement.status !== 'planned' && movement.status !== 'confirmed')
      throw errors.invalidInput(
        `invalid input for checkin.standby at movementId: ${movementId} is ${movement.status}; a standby list is for a movement that has not left`,
      );
    const joint =
      !(await store.plans.current('timetable')) && !!(await store.plans.current('joint'));
    const day = movement.departAt.slice(0, 10);
    const today = now.toISOString().slice(0, 10);
    const { input } = await loadTimetableInput(store, {
      joint,
      needsFirst: false,
      hazardRate: defaultHazardPrior,
      today: today < day ? today : day,
    });
    const summary = await movementSummary(store, movementId);
    // Cumulative hazard from the plan's first day: exposure of waiting until day d.
    const dayIndex = (d: string) =>
      Math.round((Date.parse(d) - Date.parse(input.startDay)) / 86_400_000);
    const cumulative = [0];
    for (const [i, h] of input.hazard.entries()) cumulative.push(cumulative[i]! + h);
    const H = (d: string | null) =>
      cumulative[
        Math.max(0, Math.min(d === null ? Infinity : dayIndex(d), cumulative.length - 1))
      ]!;
    const dayOf = new Map(input.movements.map((m) => [m.id, m.day]));
    const excluded = { notReady: 0, pastLatest: 0, documents: 0, locked: 0, leavesEarlier: 0 };
    const possible: (z.infer<typeof Candidate> & { id: string })[] = [];
    for (const c of input.cases) {
      const choice = joint
        ? c.destinations?.find((d) => d.id === movement.destinationId)
        : c.destinationId === movement.destinationId
          ? c
          : undefined;
      const window = choice && {
        readyDay: choice.readyDay ?? c.readyDay,
        latestDay: choice.latestDay ?? null,
      };
      if (!window || c.previous === movementId) continue;
      const from = c.previous ?? null;
      const fromDay = from ? (dayOf.get(from) ?? null) : null;
      if (c.pinned && c.pinned !== movementId) excluded.locked++;
      else if (fromDay !== null && fromDay <= day) excluded.leavesEarlier++;
      else if (window.readyDay > day) excluded.notReady++;
      else if (window.latestDay && window.latestDay < day) excluded.pastLatest++;
      else
        possible.push({
          id: c.id,
          case: c.id,
          persons: c.persons,
          fits: c.persons <= summary.seatsFree,
          from,
          fromDay,
          readyDay: window.readyDay,
          latestDay: window.latestDay,
          priority: c.priority,
          exposureSaved: Math.round(c.persons * (H(fromDay) - H(day)) * 1e4) / 1e4,
        });
    }
    // Travel documents: every member must hold one still valid on the day.
    const validity = await store.registry.documentValidity(possible.map((p) => p.id));
    const listed = possible.filter((p) => {
      const ok = (validity.get(p.id) ?? []).every((e) => e !== null && e >= day);
      if (!ok) excluded.documents++;
      return ok;
    });
    listed.sort(
      (a, b) =>
        Number(b.fits) - Number(a.fits) ||
        b.exposureSaved - a.exposureSaved ||
        b.priority - a.priority ||
        a.case.localeCompare(b.case),
    );
    return {
      movementId,
      destinationId: movement.destinationId,
      day,
      seatsFree: summary.seatsFree,
      plan: joint ? ('joint' as const) : ('timetable' as const),
      total: listed.length,
      candidates: listed.slice(0, limit).map(({ id: _id, ...rest }) => rest),
      excluded,
    };
  },
});
