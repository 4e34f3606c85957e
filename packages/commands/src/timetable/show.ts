/** `timetable.show`: movements with the cases the current timetable puts on them. */
import { errors } from '@corridor/core';
import { timetableView } from '@corridor/storage';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { TimetableKindSchema, TimetableRowSchema } from './schemas.js';

/** Every movement by departure with its cases in the current timetable (or joint) plan. */
export const timetableShow = defineCommand({
  name: 'timetable.show',
  summary: 'Movements by departure with the cases the current timetable puts on them',
  input: z.object({ kind: TimetableKindSchema }),
  output: z.array(TimetableRowSchema),
  permission: 'plan.read',
  audit: null,
  async run({ store }, { kind }) {
    const view = await timetableView(store, kind);
    if (!view) throw errors.notFound('plan', `(current ${kind}); run \`corridor schedule\` first`);
    return view;
  },
});
