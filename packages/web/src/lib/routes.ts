/** Which API routes this server has and who may call them, read from its OpenAPI document. */
import type { Role } from '@corridor/core';

/** `METHOD /path` with `:param` segments, as the access table keys routes. */
export type RouteKey = string;

/** Roles allowed per route key ('public' for no login). */
export type RouteTable = ReadonlyMap<RouteKey, 'public' | readonly Role[]>;

interface OpenApiDocument {
  paths: Record<string, Record<string, { 'x-roles'?: 'public' | Role[] }>>;
}

/** The route table of an OpenAPI document (`{id}` becomes `:id`). */
export function routeTable(doc: OpenApiDocument): RouteTable {
  const table = new Map<RouteKey, 'public' | readonly Role[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;
      table.set(key, op['x-roles'] ?? 'public');
    }
  }
  return table;
}

/** True when the server has the route and `role` may call it. */
export function allowed(table: RouteTable, key: RouteKey, role: Role): boolean {
  const access = table.get(key);
  if (access === undefined) return false;
  return access === 'public' || access.includes(role);
}
