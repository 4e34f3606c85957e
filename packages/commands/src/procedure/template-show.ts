/** `procedure.templateShow`: a destination state's procedure template (set, or the default). */
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { TemplateOut } from './schemas.js';
import { templateOf } from './standing.js';

/** Shows the steps of a state's procedure in order, with typical durations and which expire. */
export const showProcedureTemplate = defineCommand({
  name: 'procedure.templateShow',
  summary: "Show a host state's procedure template: steps in order, typical days, which expire",
  input: z.object({ state: IdSchema.describe('the destination (host state) id') }),
  output: TemplateOut,
  permission: 'procedure.read',
  audit: null,
  run: ({ store }, { state }) => templateOf(store, state),
});
