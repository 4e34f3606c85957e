/** Belongings and their chain of custody (M9): a person's items, new items and events, the chain check. */
import {
  belongingCategories,
  CustodyEventBodySchema,
  custodyKinds,
  errors,
  IdSchema,
  maySee,
  redactBelonging,
} from '@corridor/core';
import { custodyRecordPdf } from '@corridor/commands';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { defineRoute } from '../route.js';

const Detail = z
  .object({
    to: z.string().nullable(),
    by: z.string().nullable(),
    witness: z.string().nullable(),
    place: z.string().nullable(),
    receipt: z.string().nullable(),
    note: z.string().nullable(),
  })
  .nullable()
  .describe('null when your role may not see custody details, or the owner was erased');

const EventOut = z.object({
  itemId: z.string(),
  seq: z.number().int(),
  kind: z.enum(custodyKinds),
  at: z.string(),
  detail: Detail,
  actor: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});

const BelongingOut = z.object({
  id: z.string(),
  personId: z.string(),
  category: z.enum(belongingCategories),
  description: z.string().nullable(),
  status: z.enum([...custodyKinds, 'recorded']),
  events: z.array(EventOut),
});

const PersonParams = z.object({ id: IdSchema });

/** `GET /api/persons/:id/belongings`: one person's belongings with every custody event. */
export const personBelongingsRoute = defineRoute('GET /api/persons/:id/belongings', {
  tag: 'custody',
  summary: "A person's belongings and their custody events (details by role)",
  params: PersonParams,
  response: z.object({
    personId: z.string(),
    householdId: z.string(),
    items: z.array(BelongingOut),
  }),
  handler: async ({ params, store, user }) => {
    const record = await store.custody.record(params.id);
    if (!record) throw errors.notFound('person', params.id);
    return { ...record, items: record.items.map((i) => redactBelonging(i, user.role)) };
  },
});

/** `POST /api/persons/:id/belongings`: records belongings of a person. */
export const addBelongingsRoute = defineRoute('POST /api/persons/:id/belongings', {
  tag: 'custody',
  summary: 'Record belongings of a person (descriptions are encrypted with their key)',
  params: PersonParams,
  body: z.object({
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
  response: z.object({ added: z.number().int() }),
  status: 201,
  handler: async ({ params, body, store, actor }) => {
    await store.custody.addItems(
      body.items.map((i) => ({ ...i, personId: params.id })),
      actor,
    );
    return { added: body.items.length };
  },
});

/** `POST /api/belongings/:id/events`: appends a custody event to an item's chain. */
export const addCustodyEventRoute = defineRoute('POST /api/belongings/:id/events', {
  tag: 'custody',
  summary: 'Append a custody event (packed, handed-over, confiscated, returned, lost, arrived)',
  description: 'The order must follow the state machine in docs/property.md; refused otherwise.',
  params: z.object({ id: IdSchema }),
  body: CustodyEventBodySchema,
  response: EventOut,
  status: 201,
  handler: async ({ params, body, store, actor, user }) => {
    const [event] = await store.custody.addEvents([{ ...body, itemId: params.id }], actor);
    return maySee(user.role, 'custodyDetail') ? event! : { ...event!, detail: null };
  },
});

/** `GET /api/persons/:id/custody.pdf`: like `corridor custody record PERSON --out FILE.pdf`. */
export const custodyRecordRoute = bindCommand(
  'GET /api/persons/:id/custody.pdf',
  custodyRecordPdf,
  {
    tag: 'custody',
    description: 'Every download is written to the audit log.',
    params: { id: 'personId' },
    file: { types: ['application/pdf'] },
  },
);

/** `GET /api/custody/verify`: recomputes every custody chain and its anchors in the audit log. */
export const verifyCustodyRoute = defineRoute('GET /api/custody/verify', {
  tag: 'custody',
  summary: 'Check every custody chain; names each edited, removed or inserted event',
  response: z.object({
    ok: z.boolean(),
    items: z.number().int(),
    events: z.number().int(),
    problems: z.array(z.string()).optional(),
  }),
  handler: ({ store }) => store.custody.verify(),
});
