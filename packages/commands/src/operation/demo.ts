/** `operation.demo`: the synthetic demo operation (`corridor demo`, `POST /api/demo`). */
import {
  defaultDemoOptions,
  demoMessageTemplates,
  errors,
  generateDemo,
  generateDemoBelongings,
  generateDemoGroundCapacity,
  generateDemoIncidents,
  generateDemoMovements,
  generateDemoProcedures,
  generateDemoProperty,
} from '@corridor/core';
import { appendAudit } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { checkTemplate } from '../message/render.js';
import { OperationStatusOut } from './status.js';

/**
 * Creates the synthetic demo (households, destinations and pledges, movements, incidents, property,
 * belongings, the main host state's procedure for the final group, message templates) in one
 * transaction, replacing an earlier demo; a database holding a real operation is
 * refused. The same seed gives the same operation.
 */
export const createDemo = defineCommand({
  name: 'operation.demo',
  summary: 'Create the synthetic demo operation (replaces an earlier demo, never a real operation)',
  input: z.object({
    people: z
      .number()
      .int()
      .min(10)
      .max(500_000)
      .default(defaultDemoOptions.people)
      .describe('about how many residents'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .default(defaultDemoOptions.seed)
      .describe('random seed: the same seed gives the same operation'),
  }),
  output: OperationStatusOut,
  permission: 'operation.create',
  audit: 'operation.demo',
  async run({ store, actor, control }, { people, seed }) {
    const step = (fraction: number, message: string) =>
      control?.progress({ phase: 'demo', fraction, message });
    const existing = await store.registry.operation();
    if (existing && !existing.isDemo)
      throw errors.conflict(
        `this database holds operation "${existing.name}", which is not a demo; use another --data folder`,
      );
    step(0, 'generating');
    const data = generateDemo({ people, seed });
    step(0.25, 'writing');
    if (existing) await store.registry.deleteOperation(actor);
    await store.registry.createOperation(data, actor);
    const movements = generateDemoMovements(data.destinations, data.pledges, data);
    await store.movements.add(movements, actor);
    await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), actor);
    await store.incidents.add(generateDemoIncidents(data.households), actor);
    await store.property.add(generateDemoProperty(data.households), actor);
    const belongings = generateDemoBelongings(data.persons, seed);
    await store.custody.addItems(belongings.items, actor);
    await store.custody.addEvents(belongings.events, actor);
    const procedures = generateDemoProcedures(data);
    for (const template of procedures.templates)
      await store.procedures.setTemplate(template, actor);
    await store.procedures.record(procedures.steps, actor, 'procedure.record');
    for (const template of demoMessageTemplates) {
      checkTemplate(template);
      await store.messages.setTemplate(template, actor);
    }
    step(0.5, 'looking for duplicates');
    await store.registry.scanDuplicates(actor);
    step(0.75, 'counting');
    const status = await store.registry.status();
    await appendAudit(store.db, actor, {
      action: 'operation.demo',
      entity: 'operation',
      entityId: status.operation.id,
      detail: { people, seed, replaced: existing !== null && existing !== undefined },
    });
    return status;
  },
});
