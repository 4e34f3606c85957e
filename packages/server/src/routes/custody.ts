/** Belongings and their chain of custody (M9): a person's items, new items and events, the chain check. */
import {
  addBelongings,
  listBelongings,
  personBelongings,
  recordCustodyEvent,
  verifyCustody,
  custodyRecordFile,
} from '@corridor/commands';
import { IdSchema } from '@corridor/core';
import { z } from 'zod';
import { bindCommand } from '../bind-command.js';
import { FileReplySchema } from '../file-reply.js';
import { defineRoute } from '../route.js';

const PersonParams = z.object({ id: IdSchema });

/** `GET /api/persons/:id/belongings`: one person's belongings with every custody event. */
export const personBelongingsRoute = bindCommand(
  'GET /api/persons/:id/belongings',
  personBelongings,
  { tag: 'custody', params: { id: 'personId' } },
);

/** `GET /api/belongings`: like `corridor custody list [PERSON] --json`. */
export const listBelongingsRoute = bindCommand('GET /api/belongings', listBelongings, {
  tag: 'custody',
});

/** `POST /api/persons/:id/belongings`: records belongings of a person. */
export const addBelongingsRoute = bindCommand('POST /api/persons/:id/belongings', addBelongings, {
  tag: 'custody',
  params: { id: 'personId' },
});

/** `POST /api/belongings/:id/events`: appends a custody event to an item's chain. */
export const addCustodyEventRoute = bindCommand(
  'POST /api/belongings/:id/events',
  recordCustodyEvent,
  {
    tag: 'custody',
    description: 'The order must follow the state machine in docs/property.md; refused otherwise.',
    params: { id: 'itemId' },
  },
);

/** `GET /api/persons/:id/custody.pdf`: like `corridor custody record PERSON --out FILE.pdf`. */
export const custodyRecordRoute = defineRoute('GET /api/persons/:id/custody.pdf', {
  tag: 'custody',
  summary: "One person's custody record as an A4 PDF for a claim (names and details by role)",
  description: 'Every download is written to the audit log.',
  params: PersonParams,
  response: FileReplySchema,
  file: { types: ['application/pdf'] },
  handler: async ({ params, store, actor }) => {
    const file = await custodyRecordFile(store, actor, params.id);
    return {
      content: file.pdf,
      contentType: 'application/pdf',
      filename: `custody-${params.id}.pdf`,
    };
  },
});

/** `GET /api/custody/verify`: recomputes every custody chain and its anchors in the audit log. */
export const verifyCustodyRoute = bindCommand('GET /api/custody/verify', verifyCustody, {
  tag: 'custody',
});
