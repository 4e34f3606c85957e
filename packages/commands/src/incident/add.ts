/** `incident.add`: records one incident; its narrative is stored encrypted. */
import { errors, IncidentSchema } from '@corridor/core';
import { defineCommand } from '../define.js';
import { IncidentOut } from './schemas.js';

/** Records one incident; without a time zone, the operation's. */
export const addIncident = defineCommand({
  name: 'incident.add',
  summary: 'Record one incident (type, time with offset, site, casualties, source, confidence)',
  input: IncidentSchema.extend({
    timezone: IncidentSchema.shape.timezone
      .optional()
      .describe('IANA time zone of the place (default: the operation’s)'),
  }),
  output: IncidentOut,
  permission: 'incident.write',
  audit: 'incident.add',
  async run({ store, actor }, input) {
    const op = await store.registry.operation();
    if (!op) throw errors.noOperation();
    const incident = { ...input, timezone: input.timezone ?? op.timezone };
    await store.incidents.add([incident], actor);
    return incident;
  },
});
