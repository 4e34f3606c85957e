/** Belongings and their chain of custody (M9): a person's items, new items and events, the chain check. */
import {
  addBelongings,
  custodyRecordPdf,
  listBelongings,
  personBelongings,
  recordCustodyEvent,
  verifyCustody,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

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
export const verifyCustodyRoute = bindCommand('GET /api/custody/verify', verifyCustody, {
  tag: 'custody',
});
