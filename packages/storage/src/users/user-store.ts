/** The users capability (M11): accounts with a role and an argon2 hash; never the password itself. */
import type { Role } from '@corridor/core';
import type { Actor } from '../audit/audit-store.js';

/** A user account as interfaces show it (no hash). */
export interface User {
  id: number;
  username: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  createdBy: string;
}

/** An account with its stored password hash, for checking a login. */
export interface UserCredentials extends User {
  passwordHash: string;
}

/** A new account; the password was hashed by the caller (argon2id in the server). */
export interface NewUser {
  username: string;
  role: Role;
  passwordHash: string;
}

/** User accounts of one database. */
export interface UserStore {
  /** Adds an account (admins only); fails with `user-exists` when the name is taken. */
  add(user: NewUser, actor: Actor): Promise<User>;
  /** Every account, by name. */
  list(): Promise<User[]>;
  /** One account with its hash, or undefined. */
  credentials(username: string): Promise<UserCredentials | undefined>;
  /**
   * Replaces an account's password hash (an admin, or with `self` the user themself, whose
   * current password the caller checked) and ends its sessions, all but the one whose token hash
   * is `keepSession` (the session that asked for the change).
   */
  setPassword(
    username: string,
    passwordHash: string,
    actor: Actor,
    options?: { self?: boolean; keepSession?: string },
  ): Promise<{ sessionsEnded: number }>;
  /** Disables an account (admins only) and ends all of its sessions at once. */
  disable(username: string, actor: Actor): Promise<User>;
}
