/** The logged-in user and what their role may do, as `GET /api/me` says; shared by every page. */
import type { PersonField, Permission, Role } from '@corridor/core';
import { createContext, useContext } from 'react';

/** `GET /api/me`. */
export interface Me {
  username: string;
  role: Role;
  hiddenFields: PersonField[];
  /** The actions (`resource.action` of core's policies) the role may take. */
  permissions: Permission[];
}

/** The session as pages see it. */
export interface Session {
  me: Me;
  /** True when the role may take the action; the server checks it again on every request. */
  can: (permission: Permission) => boolean;
  logout: () => void;
}

/** Builds the session helpers for a user from their `GET /api/me`. */
export function makeSession(me: Me, logout: () => void): Session {
  const allowed = new Set<Permission>(me.permissions);
  return { me, can: (permission) => allowed.has(permission), logout };
}

export const SessionContext = createContext<Session | null>(null);

/** The current session (pages render only when logged in). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}
