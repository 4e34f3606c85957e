/** Shapes of the API's answers as the pages use them (the server's zod schemas are the truth). */
import type { CaseStatus, Destination, MoveCheck, Movement, Pledge } from '@corridor/core';

/** `GET /api/status` (= `corridor status --json`). */
export interface OperationStatus {
  operation: { id: string; name: string; isDemo: boolean; windowStart: string; windowEnd: string };
  persons: number;
  households: number;
  destinations: number;
  byStatus: Record<string, number>;
  personsByStatus: Record<string, number>;
  pledgedPersons: number;
  pledgedCases: number;
  medicalPlaces: number;
  personsWithMedicalNeeds: number;
  linkedCases: number;
  openDuplicates: number;
}

/** A movement as `GET /api/movements` lists it. */
export type MovementRow = Movement & { version: number };

/** `GET /api/movements`. */
export interface MovementList {
  movements: MovementRow[];
  groundCapacity: { day: string; persons: number; vehicles: number; hours: string }[];
}

/** One movement of `GET /api/timetable` (= `corridor timetable --json`). */
export type TimetableMovement = MovementRow & {
  cases: string[];
  /** Persons in each case, as `cases` lists them. */
  casePersons: number[];
  persons: number;
  baggageKgUsed?: number;
};

/** `GET /api/destinations`. */
export type DestinationRow = Destination & {
  pledges: Pledge[];
  pledged: { persons: number; cases: number; medicalPlaces: number };
};

/** A plan version without assignments. */
export interface PlanHeader {
  id: number;
  kind: 'allocation' | 'timetable' | 'joint';
  version: number;
  status: 'current' | 'superseded';
  parentId: number | null;
  params: Record<string, unknown>;
  summary: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
}

/** A plan version with assignments. */
export interface Plan extends PlanHeader {
  assignments: {
    householdId: string;
    destinationId: string | null;
    movementId: string | null;
    locked: boolean;
    reason: string;
  }[];
}

/** One day of `GET /api/hazard` (= `corridor hazard --json`). */
export interface HazardDay {
  day: string;
  observed: number;
  mean: number;
  upper90: number;
}

/** A duplicate pair of `GET /api/dedup`. */
export interface DuplicatePair {
  id: number;
  a: string;
  b: string;
  rule: string;
  score: number;
  status: 'open' | 'merged' | 'distinct';
}

/** A job of the jobs engine. */
export interface Job {
  id: string | number;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { phase: string; fraction: number; message: string } | null;
  result: unknown;
  error: { id: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Statuses in which a case has left the camp. */
export const departedStatuses: readonly CaseStatus[] = ['departed', 'arrived'];
/** Statuses in which a case no longer waits to leave (left, withdrawn or deceased). */
export const notAtRiskStatuses: readonly CaseStatus[] = [
  'departed',
  'arrived',
  'withdrawn',
  'deceased',
];

/** `GET /api/timetable/check` (= `corridor move-case CASE MOVEMENT --check --json`). */
export type { MoveCheck };

/** `POST /api/timetable/move`. */
export type MoveResult = MoveCheck & {
  plan: { id: number; version: number; kind: 'timetable' | 'joint' };
  reason: string;
};

/** One recorded step of a host-state procedure (`GET /api/cases/:id/procedures`). */
export interface ProcedureStepRow {
  step: string;
  date: string | null;
  outcome: 'pending' | 'done' | 'positive' | 'negative';
  expires: string | null;
  /** Null when the role may not read case notes, or when there is none. */
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

/** A case's standing with one host state. */
export interface ProcedureStanding {
  case: string;
  state: string;
  readyDate: string | null;
  expectedReadyDate: string | null;
  latestDate: string | null;
  refused: boolean;
  pendingSteps: string[];
}

/** `GET /api/cases/:id/procedures`. */
export interface CaseProcedures {
  case: string;
  states: (ProcedureStanding & { steps: ProcedureStepRow[] })[];
}

/** `GET /api/procedures?expiringWithin=N`. */
export interface ProcedureList {
  asOf: string;
  total: number;
  procedures: (ProcedureStanding & { expiring: { step: string; expires: string }[] })[];
}
