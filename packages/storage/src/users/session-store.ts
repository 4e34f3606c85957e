/** The sessions capability (M11): login sessions by token hash, and counters shared by every process. */
import type { Role } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** Who a live session belongs to. */
export interface SessionUser {
  userId: number;
  username: string;
  role: Role;
}

/** What a token hash leads to: a live session, an expired one (now removed), or nothing. */
export type SessionLookup =
  { status: 'live'; user: SessionUser } | { status: 'expired' } | { status: 'unknown' };

/** A counter's state after a hit: the count in the current window and when the window ends. */
export interface Hits {
  count: number;
  resetAt: Date;
}

/** Why a login failed, as the audit log records it. */
export type LoginFailure = 'unknown-user' | 'wrong-password' | 'disabled' | 'locked';

/** Sessions and request counters of one database (several server processes may share it). */
export interface SessionStore {
  /** Starts a session for a user whose password was checked, and audits the login. */
  start(tokenHash: string, userId: number, now: Date): Promise<SessionUser>;
  /** The session of a token hash, marked as seen; an idle one past `idleMs` is removed. */
  resume(tokenHash: string, idleMs: number, now: Date): Promise<SessionLookup>;
  /** Ends a session (logout) and audits it; false when there was none. */
  end(tokenHash: string, actor: Actor): Promise<boolean>;
  /** Audits a failed login; the typed name is recorded only when it is a real account's name. */
  recordFailedLogin(username: string, reason: LoginFailure): Promise<void>;
  /** Counts one hit of `kind` for `subject` (stored only as a keyed hash) in a fixed window. */
  hit(kind: string, subject: string, windowMs: number, now: Date): Promise<Hits>;
  /** The current count of a counter without adding to it. */
  hits(kind: string, subject: string, windowMs: number, now: Date): Promise<Hits>;
  /** Resets a counter (after a successful login). */
  clearHits(kind: string, subject: string): Promise<void>;
  /** Removes idle sessions and finished counter windows; returns how many rows went. */
  prune(idleMs: number, maxWindowMs: number, now: Date): Promise<number>;
}
