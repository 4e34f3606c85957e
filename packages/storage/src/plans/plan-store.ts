/** The plans capability: versioned plans with their assignments, and planners' locks. */
import type { Actor } from '../audit/audit-store.js';

/** The three planning problems of the one engine. */
export type PlanKind = 'allocation' | 'timetable' | 'joint';

/** One case's place in a plan. */
export interface PlanAssignment {
  householdId: string;
  destinationId: string | null;
  movementId: string | null;
  locked: boolean;
  /** Why: a short explanation, or why the case stayed unplaced. */
  reason: string;
}

/** A plan to save. */
export interface NewPlan {
  kind: PlanKind;
  params: Record<string, unknown>;
  summary: Record<string, unknown>;
  /** The plan this one was derived from (re-planning), if any. */
  parentId?: number;
  /**
   * The current plan of this kind when this one was computed (null: there was none). When given,
   * the save is refused with `plan-changed` if another plan became current since: two planners
   * saving at once cannot silently replace each other's work.
   */
  basedOn?: number | null;
  assignments: PlanAssignment[];
}

/** A saved plan. */
export interface StoredPlan extends Omit<NewPlan, 'parentId' | 'basedOn'> {
  id: number;
  version: number;
  status: 'current' | 'superseded';
  parentId: number | null;
  createdBy: string;
  createdAt: string;
}

/** A planner's lock of a case to a destination and/or movement. */
export interface PlanLock {
  householdId: string;
  destinationId: string | null;
  movementId: string | null;
  actor: string;
  reason: string;
  at: string;
}

/** Plans and locks of one operation. */
export interface PlanStore {
  /** Saves a plan as the next version of its kind and makes it current, in one transaction. */
  save(plan: NewPlan, actor: Actor): Promise<StoredPlan>;
  /** The current plan of a kind, with assignments. */
  current(kind: PlanKind): Promise<StoredPlan | undefined>;
  /** A plan by id, with assignments. */
  get(id: number): Promise<StoredPlan | undefined>;
  /** Plans without assignments, newest first. */
  list(kind?: PlanKind): Promise<Omit<StoredPlan, 'assignments'>[]>;
  /** Locks a case (replacing an earlier lock of it); the caller checked that what it names exists. */
  lock(lock: Omit<PlanLock, 'actor' | 'at'>, actor: Actor): Promise<PlanLock>;
  /**
   * Saves a plan and locks a case in one transaction (a planner's move of a case by hand: the
   * plan shows it at once, the lock keeps it there in later runs).
   */
  saveWithLock(
    plan: NewPlan,
    lock: Omit<PlanLock, 'actor' | 'at'>,
    actor: Actor,
  ): Promise<{ plan: StoredPlan; lock: PlanLock }>;
  /** Removes a case's lock; false when it had none. */
  unlock(householdId: string, actor: Actor): Promise<boolean>;
  /** Every lock. */
  locks(): Promise<PlanLock[]>;
}
