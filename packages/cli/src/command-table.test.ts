/**
 * Walks the command table: every command has its schemas, a policy, an audit name (or is a read),
 * one HTTP route and one CLI binding, and the route's access entry is the command's policy.
 */
import { commandList } from '@corridor/commands';
import { isPermission, rolesAllowed, routeAccess, type RouteKey } from '@corridor/core';
import { apiRoutes, type BoundRoute } from '@corridor/server';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildProgram } from './main.js';
import { boundCommandsOf } from './run-command.js';

function cliPaths(program: Command): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const walk = (c: Command, prefix: string[]) => {
    const path = [...prefix, c.name()];
    for (const bound of boundCommandsOf(c))
      paths.set(bound.name, [...(paths.get(bound.name) ?? []), path.slice(1).join(' ')]);
    c.commands.forEach((sub) => walk(sub, path));
  };
  walk(program, []);
  return paths;
}

const bound = apiRoutes.filter((r): r is BoundRoute => 'command' in r);

/**
 * Routes that need a role and are not yet bound to a command: the command layer's remaining work.
 * Binding a route removes it from here; a new route must be bound to a command.
 */
const awaitingCommands: RouteKey[] = (Object.keys(routeAccess) as RouteKey[]).filter(
  (k) => routeAccess[k] !== 'public' && !bound.some((r) => r.key === k),
);

describe('the command table', () => {
  const cli = cliPaths(buildProgram());

  it.each(commandList.map((c) => [c.name, c] as const))('%s is complete', (name, command) => {
    // `capability.verb`; a capability of two words is written with a hyphen (`legal-hold.place`).
    expect(name).toMatch(/^[a-z]+(-[a-z]+)*\.[a-zA-Z]+$/);
    expect(commandList.filter((c) => c.name === name)).toHaveLength(1);
    expect(command.summary.length).toBeGreaterThan(10);
    expect(command.input).toBeInstanceOf(z.ZodType);
    expect(command.output).toBeInstanceOf(z.ZodType);
    expect(isPermission(command.permission)).toBe(true);
    // `export` is the one audit action without a resource: every file handed out appends it.
    expect(command.audit === null || /^[a-z-]+\.[a-z-]+$|^export$/.test(command.audit)).toBe(true);
    // One route per command, or several that answer alike (`/api/plans/:id` and `/api/plans/current`).
    const routes = bound.filter((r) => r.command === command);
    expect(routes.length, `${name} has an HTTP route`).toBeGreaterThanOrEqual(1);
    for (const r of routes)
      expect(routeAccess[r.key], r.key).toEqual(rolesAllowed(command.permission));
    expect(cli.get(name), `${name} has a CLI binding`).toHaveLength(1);
  });

  it('binds every route to a command in the table', () => {
    for (const r of bound) expect(commandList).toContain(r.command);
  });

  it('lists the routes still awaiting a command', () => {
    expect(awaitingCommands.length).toBeLessThan(Object.keys(routeAccess).length);
    expect(awaitingCommands).not.toContain('POST /api/property/assets');
  });
});
