/** Destinations (host countries) with their rules, and their pledges (M3), over HTTP. */
import { listDestinations, listPledges } from '@corridor/commands';
import { bindCommand } from '../bind-command.js';

const tag = 'destinations';

/** `GET /api/destinations`: like `corridor destination list --json`. */
export const destinationsRoute = bindCommand('GET /api/destinations', listDestinations, { tag });

/** `GET /api/pledges`: every pledge, by destination and period. */
export const pledgesRoute = bindCommand('GET /api/pledges', listPledges, { tag });
