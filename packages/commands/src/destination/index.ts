/** Destinations (host countries) and their pledges (M3). */
import type { AnyCommand } from '../define.js';
import { DestinationOut, listDestinations } from './list.js';
import { listPledges } from './pledges.js';

export { DestinationOut, listDestinations, listPledges };

/** Every destination command, for the command table. */
export const destinationCommands = [
  listDestinations,
  listPledges,
] as unknown as readonly AnyCommand[];
