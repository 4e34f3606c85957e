/** Destinations (host countries) and their pledges (M3), negotiated one change at a time (issue 22). */
import type { AnyCommand } from '../define.js';
import { addDestination } from './add.js';
import { DestinationOut, listDestinations } from './list.js';
import { pledgeHistory } from './pledge-history.js';
import { removePledge } from './pledge-remove.js';
import { setPledge } from './pledge-set.js';
import { pledgeValue } from './pledge-value.js';
import { listPledges } from './pledges.js';
import { NegotiationOut, PledgeChangeOut } from './schemas.js';
import { updateDestination } from './update.js';

export {
  addDestination,
  DestinationOut,
  listDestinations,
  listPledges,
  NegotiationOut,
  PledgeChangeOut,
  pledgeHistory,
  pledgeValue,
  removePledge,
  setPledge,
  updateDestination,
};

/** Every destination command, for the command table. */
export const destinationCommands = [
  listDestinations,
  listPledges,
  addDestination,
  updateDestination,
  setPledge,
  removePledge,
  pledgeHistory,
  pledgeValue,
] as unknown as readonly AnyCommand[];
