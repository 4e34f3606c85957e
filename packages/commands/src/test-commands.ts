/**
 * What the command tests share (test files only): a fresh store holding an operation for each
 * test, and running a command as a role through `execute`, the way every interface does.
 */
import { generateDemoMovements, type OperationData, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { Backend } from '@corridor/storage/test-support';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { z } from 'zod';
import { allocationRun } from './allocation/run.js';
import type { CommandSpec } from './define.js';
import { execute } from './execute.js';
import { timetableSchedule } from './timetable/schedule.js';

/** The actor a test acts as: `t-<role>` over the API. */
export const actorAs = (role: Role) => ({ name: `t-${role}`, role, via: 'api' as const });

/** A store with `data` as its operation, new for every test of the calling `describe`. */
export interface TestStore {
  store: Store;
  dataDir: string;
  /** Runs `command` as `role` at `now`. */
  run<I extends z.ZodType, O extends z.ZodType, R>(
    command: CommandSpec<I, O, R>,
    role: Role,
    input: unknown,
  ): Promise<z.output<O>>;
  /** How many audit events the store holds. */
  auditCount(): Promise<number>;
}

/** Registers the hooks that give each test a fresh store on `backend` holding `data`. */
export function freshOperation(backend: Backend, data: OperationData, now: Date): TestStore {
  const t = { dataDir: '' } as TestStore;
  let close: () => Promise<void> = async () => undefined;
  beforeEach(async () => {
    const fresh = await backend.fresh();
    ({ store: t.store, dataDir: t.dataDir, close } = fresh);
    await t.store.registry.createOperation(data, { name: 'test-seed', role: 'admin' });
  });
  afterEach(async () => close());
  t.run = (command, role, input) =>
    execute(command, { actor: actorAs(role), store: t.store, now }, input);
  t.auditCount = async () => (await t.store.audit.events(0, 1_000_000)).length;
  return t;
}

/**
 * Registers the hooks that give the calling `describe` one store on `backend` holding `data`, its
 * demo movements and an allocation (and a timetable unless `schedule` is false), made once.
 */
export function plannedOperation(
  backend: Backend,
  data: OperationData,
  now: Date,
  options: { schedule?: boolean } = {},
): TestStore {
  const t = { dataDir: '' } as TestStore;
  let close: () => Promise<void> = async () => undefined;
  t.run = (command, role, input) =>
    execute(command, { actor: actorAs(role), store: t.store, now }, input);
  t.auditCount = async () => (await t.store.audit.events(0, 1_000_000)).length;
  beforeAll(async () => {
    ({ store: t.store, dataDir: t.dataDir, close } = await backend.fresh());
    await t.store.registry.createOperation(data, { name: 'test-seed', role: 'admin' });
    await t.store.movements.add(generateDemoMovements(data.destinations, data.pledges), {
      name: 'test-seed',
      role: 'admin',
    });
    await t.run(allocationRun, 'planner', {});
    if (options.schedule !== false) await t.run(timetableSchedule, 'planner', {});
  }, 180_000);
  afterAll(async () => close());
  return t;
}
