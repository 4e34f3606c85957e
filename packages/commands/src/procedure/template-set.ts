/** `procedure.templateSet`: sets a destination state's procedure template. */
import { errors, IdSchema, ProcedureStepTemplateSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { TemplateOut } from './schemas.js';
import { templateOf } from './standing.js';

/**
 * Replaces a state's steps (order, typical days, expiry, required). Steps already recorded for
 * cases keep their rows; a step the new template drops no longer counts towards readiness.
 */
export const setProcedureTemplate = defineCommand({
  name: 'procedure.templateSet',
  summary: "Set a host state's procedure template (ordered steps with typical days and expiry)",
  input: z.object({
    state: IdSchema.describe('the destination (host state) id'),
    steps: z
      .array(ProcedureStepTemplateSchema)
      .min(1, 'a procedure needs at least one step')
      .max(30)
      .refine((s) => new Set(s.map((x) => x.step)).size === s.length, 'step names must be unique'),
  }),
  output: TemplateOut,
  permission: 'procedure.configure',
  audit: 'procedure.template-set',
  async run({ store, actor }, { state, steps }) {
    if (!(await store.registry.destinations()).some((d) => d.id === state))
      throw errors.invalidInput(`state: no destination ${state}`);
    await store.procedures.setTemplate({ state, steps }, actor);
    return templateOf(store, state);
  },
});
