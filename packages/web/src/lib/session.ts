/** The logged-in user and what the server lets their role do, shared by every page. */
import type { PersonField, Role } from '@corridor/core';
import { createContext, useContext } from 'react';
import { allowed, type RouteKey, type RouteTable } from './routes.js';

/** `GET /api/me`. */
export interface Me {
  username: string;
  role: Role;
  hiddenFields: PersonField[];
}

/** The session as pages see it. */
export interface Session {
  me: Me;
  routes: RouteTable;
  /** True when the server has the route and the role may call it. */
  can: (key: RouteKey) => boolean;
  /** True when the server has the route at all (whoever may call it). */
  has: (key: RouteKey) => boolean;
  logout: () => void;
}

/** Builds the session helpers for a user over a route table. */
export function makeSession(me: Me, routes: RouteTable, logout: () => void): Session {
  return {
    me,
    routes,
    can: (key) => allowed(routes, key, me.role),
    has: (key) => routes.has(key),
    logout,
  };
}

export const SessionContext = createContext<Session | null>(null);

/** The current session (pages render only when logged in). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a logged-in page');
  return session;
}
