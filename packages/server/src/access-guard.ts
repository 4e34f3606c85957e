/** Makes the access table binding: a route it does not list cannot be registered at all. */
import { routeAccess, type RouteKey } from '@corridor/core';
import type { FastifyInstance } from 'fastify';

const registered = new WeakMap<FastifyInstance, Set<RouteKey>>();

/**
 * Checks every route as it is registered: its `METHOD /path` must be in core's `routeAccess`, and a
 * route that needs a role must run through the route pipeline (`config.pipeline`), which enforces it.
 */
export function guardRoutes(app: FastifyInstance): void {
  const keys = new Set<RouteKey>();
  registered.set(app, keys);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const key = `${method} ${route.url}`;
      if (!(key in routeAccess)) throw new Error(`route ${key} is not in core's routeAccess table`);
      const access = routeAccess[key as RouteKey];
      const pipeline = (route.config as { pipeline?: boolean } | undefined)?.pipeline === true;
      if (access !== 'public' && !pipeline)
        throw new Error(`route ${key} needs a role and so must be defined with defineRoute`);
      keys.add(key as RouteKey);
    }
  });
}

/** The route keys registered on an app, for tests and documentation. */
export function registeredRoutes(app: FastifyInstance): RouteKey[] {
  return [...(registered.get(app) ?? [])];
}
