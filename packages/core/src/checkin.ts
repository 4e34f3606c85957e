/**
 * Check-in on the day (M6) as append-only logs, one per station: a person's status is a pure
 * function of the union of all stations' records, so two stations that worked offline merge
 * without losing either side. Stations that disagree on whether a person is there (boarded at
 * one, no-show at another) make a conflict that people decide; a decision is itself a record
 * that supersedes the ones it settles, and travels with the log.
 */

import { z } from 'zod';
import {
  checkinStatuses,
  isPresentStatus,
  stationIdPattern,
  type CheckinStatus,
} from './checkin-status.js';

export * from './checkin-status.js';

/** A station id as every interface accepts it (the CLI, the API and a merged log alike). */
export const StationIdSchema = z
  .string()
  .regex(stationIdPattern, 'must be letters, digits, ".", "_" or "-" (at most 64)');

/** One record of a station's log; (station, seq) identifies it everywhere. */
export const CheckinEventSchema = z.object({
  station: StationIdSchema,
  /** The station's own counter: 1, 2, 3, … */
  seq: z.number().int().min(1),
  movementId: z.string().min(1),
  personId: z.string().min(1),
  status: z.enum(checkinStatuses),
  /** When the station recorded it (its clock), ISO 8601. */
  at: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'is not a date-time'),
  actor: z.string(),
  /** The role the recorder held: a merge checks it against the check-in policy. */
  role: z.string(),
  note: z.string().nullable(),
  /** For a decision: the last record of each station that it settles. */
  supersedes: z.record(z.string(), z.number().int()).nullable(),
});
/** One record of a station's log. */
export type CheckinEvent = z.infer<typeof CheckinEventSchema>;

/** Where one person on one movement stands after every record so far. */
export const CheckinStateSchema = z.object({
  movementId: z.string(),
  personId: z.string(),
  /** The agreed status, or null while stations disagree. */
  status: z.enum(checkinStatuses).nullable(),
  /** The disagreeing latest records of each station, when there is a conflict. */
  conflict: z.array(CheckinEventSchema).nullable(),
  /** The record that set the status (the most advanced of the agreeing ones). */
  latest: CheckinEventSchema,
  /** Stations whose records count (not settled by a decision). */
  stations: z.array(z.string()),
});
/** Where one person on one movement stands. */
export type CheckinState = z.infer<typeof CheckinStateSchema>;

const rank: Record<CheckinStatus, number> = {
  'checked-in': 1,
  boarded: 2,
  arrived: 3,
  'no-show': 0,
};

/** Present statuses claim the person is there; a no-show claims they are not. */
export const isPresent = isPresentStatus;

/** The key of a person on a movement. */
export function checkinKey(movementId: string, personId: string): string {
  return `${movementId}\u0000${personId}`;
}

function stateOf(events: CheckinEvent[]): CheckinState {
  const covered = new Map<string, number>();
  for (const e of events)
    for (const [station, seq] of Object.entries(e.supersedes ?? {}))
      covered.set(station, Math.max(covered.get(station) ?? 0, seq));
  const latest = new Map<string, CheckinEvent>();
  for (const e of events) {
    if (e.seq <= (covered.get(e.station) ?? 0)) continue;
    const seen = latest.get(e.station);
    if (!seen || e.seq > seen.seq) latest.set(e.station, e);
  }
  const live = [...latest.values()].sort((a, b) => (a.station < b.station ? -1 : 1));
  const first = live[0] ?? events[events.length - 1]!;
  const base = {
    movementId: first.movementId,
    personId: first.personId,
    stations: live.map((e) => e.station),
  };
  const present = new Set(live.map((e) => isPresent(e.status)));
  if (present.size > 1) return { ...base, status: null, conflict: live, latest: first };
  const best = live.reduce((a, b) => (rank[b.status] > rank[a.status] ? b : a), first);
  return { ...base, status: best.status, conflict: null, latest: best };
}

/** Folds records (any order, any stations) into each person's state, keyed by `checkinKey`. */
export function foldCheckins(events: readonly CheckinEvent[]): Map<string, CheckinState> {
  const groups = new Map<string, CheckinEvent[]>();
  for (const e of events) {
    const k = checkinKey(e.movementId, e.personId);
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  const out = new Map<string, CheckinState>();
  for (const [k, list] of groups) out.set(k, stateOf(list));
  return out;
}

/** What a decision on a conflict must supersede: the latest live record of each station. */
export function supersedesFor(state: CheckinState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of state.conflict ?? [state.latest]) out[e.station] = e.seq;
  return out;
}

/** The case status a household should reach from its members' check-in states, if it moves. */
export function householdTarget(
  memberStatuses: readonly (CheckinStatus | null | undefined)[],
): 'checked-in' | 'departed' | 'arrived' | 'scheduled' | undefined {
  if (memberStatuses.length === 0) return undefined;
  const all = (s: CheckinStatus) => memberStatuses.every((m) => m === s);
  if (all('arrived')) return 'arrived';
  if (memberStatuses.every((m) => m === 'boarded' || m === 'arrived')) return 'departed';
  if (all('no-show')) return 'scheduled';
  if (memberStatuses.some((m) => m && isPresent(m))) return 'checked-in';
  return undefined;
}

const dayOfTravel = ['scheduled', 'checked-in', 'departed', 'arrived'] as const;

/**
 * The workflow steps that take a household from `current` to `target` on the day of travel
 * (scheduled → checked-in → departed → arrived, or back to scheduled when nobody came);
 * none when the household is elsewhere in the workflow.
 */
export function householdSteps(current: string, target: string | undefined): string[] {
  const from = dayOfTravel.indexOf(current as (typeof dayOfTravel)[number]);
  const to = dayOfTravel.indexOf(target as (typeof dayOfTravel)[number]);
  if (from < 0 || to < 0 || from === to) return [];
  if (to === 0) return from === 1 ? ['scheduled'] : [];
  return to > from ? dayOfTravel.slice(from + 1, to + 1) : [];
}

/** A station's log file (`corridor checkin export`), checked before a merge. */
export const CheckinLogSchema = z.object({
  format: z.literal('corridor-checkin-log'),
  version: z.literal(1),
  operation: z.string(),
  /** The station whose records these are (null: every station's). */
  station: z.string().nullable(),
  exportedAt: z.string(),
  /** SHA-256 of the events as canonical JSON lines, to catch damaged files. */
  sha256: z.string(),
  events: z.array(CheckinEventSchema),
});
/** A station's log as a file, to carry to another station. */
export type CheckinLog = z.infer<typeof CheckinLogSchema>;
