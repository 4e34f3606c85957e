/** `case.show`: one case with members, needs, documents, links, preferences and history. */
import { errors, hiddenFields, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';
import { CaseOut } from './schemas.js';

/** One case; personal data is redacted for the role by the output's `personal()` tags. */
export const showCase = defineCommand({
  name: 'case.show',
  summary: 'One case with members, needs, documents, links, preferences and history',
  input: z.object({ id: IdSchema }),
  output: CaseOut,
  permission: 'case.read',
  audit: null,
  async run({ store, actor }, { id }) {
    const view = await store.registry.household(id);
    if (!view) throw errors.notFound('case', id);
    return {
      ...view,
      members: view.members.map((m) => ({ ...m, erased: m.pii === null })),
      hiddenFields: hiddenFields(actor.role),
    };
  },
});
