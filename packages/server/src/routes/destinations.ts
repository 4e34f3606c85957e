/** Destinations (host countries) with their rules, and their pledges (M3), negotiated over HTTP (issue 22). */
import {
  addDestination,
  listDestinations,
  listPledges,
  pledgeHistory,
  pledgeValue,
  removePledge,
  setPledge,
  updateDestination,
} from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'destinations';

/** `GET /api/destinations`: like `corridor destination list --json`. */
export const destinationsRoute = bindCommand('GET /api/destinations', listDestinations, { tag });

/** `POST /api/destinations`: like `corridor destination add`. */
export const addDestinationRoute = bindCommand('POST /api/destinations', addDestination, { tag });

/** `PATCH /api/destinations/:id`: like `corridor destination edit ID`; only the fields given change. */
export const updateDestinationRoute = bindCommand(
  'PATCH /api/destinations/:id',
  updateDestination,
  {
    tag,
    params: { id: 'id' },
    status: 200,
  },
);

/** `GET /api/pledges`: every pledge, by destination and period. */
export const pledgesRoute = bindCommand('GET /api/pledges', listPledges, { tag });

/** `POST /api/pledges`: like `corridor pledge set`; a pledge is named by its destination and first day. */
export const setPledgeRoute = bindCommand('POST /api/pledges', setPledge, { tag, status: 200 });

/** `POST /api/pledges/remove`: like `corridor pledge remove`. */
export const removePledgeRoute = bindCommand('POST /api/pledges/remove', removePledge, {
  tag,
  status: 200,
});

/** `GET /api/pledges/history`: like `corridor pledge history --json`. */
export const pledgeHistoryRoute = bindCommand('GET /api/pledges/history', pledgeHistory, { tag });

/** `GET /api/pledges/value`: like `corridor pledge value --json`. */
export const pledgeValueRoute = bindCommand('GET /api/pledges/value', pledgeValue, {
  tag,
  description:
    'Per destination: the places pledged (its periods pooled, as the allocation sees them), the ' +
    'places the current allocation uses, the engine’s price of one more place of each kind (in ' +
    'the plan’s points), and the households that more places there would move first.',
});
