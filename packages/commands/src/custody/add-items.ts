/** `custody.addItem`: records belongings of a person. */
import { belongingCategories, IdSchema } from '@corridor/core';
import { z } from 'zod';
import { defineCommand } from '../define.js';

/** Records belongings of one person (all or nothing); descriptions are sealed with their key. */
export const addBelongings = defineCommand({
  name: 'custody.addItem',
  summary: 'Record belongings of a person (descriptions are encrypted with their key)',
  input: z.object({
    personId: IdSchema,
    items: z
      .array(
        z.object({
          id: IdSchema,
          category: z.enum(belongingCategories),
          description: z.string().trim().max(500),
        }),
      )
      .min(1)
      .max(1000),
  }),
  output: z.object({
    added: z.number().int(),
    ids: z.array(z.string()),
    personId: z.string(),
    id: z.string().describe('the first item’s id (the CLI’s field)'),
    category: z.enum(belongingCategories).describe('the first item’s category (the CLI’s field)'),
  }),
  permission: 'custody.write',
  audit: 'custody.items',
  async run({ store, actor }, { personId, items }) {
    await store.custody.addItems(
      items.map((i) => ({ ...i, personId })),
      actor,
    );
    return {
      added: items.length,
      ids: items.map((i) => i.id),
      personId,
      id: items[0]!.id,
      category: items[0]!.category,
    };
  },
});
