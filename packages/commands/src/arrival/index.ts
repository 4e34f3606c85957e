/** After arrival: confirmations, confirmation links, follow-ups and handover (issue 23 item 5). */
import type { AnyCommand } from '../define.js';
import { confirmArrival, unusableLink } from './confirm.js';
import { recordFollowUp } from './follow-up.js';
import { handoverCase, handoverLeavesOut } from './handover.js';
import { createArrivalLink } from './link.js';
import { listArrivals, listFollowUps } from './list.js';
import { FollowUpOut, tokenHash } from './schemas.js';

export {
  confirmArrival,
  createArrivalLink,
  FollowUpOut,
  handoverCase,
  handoverLeavesOut,
  listArrivals,
  listFollowUps,
  recordFollowUp,
  tokenHash,
  unusableLink,
};

/** Every after-arrival command, for the command table. */
export const arrivalCommands = [
  confirmArrival,
  createArrivalLink,
  listArrivals,
  listFollowUps,
  recordFollowUp,
  handoverCase,
] as unknown as readonly AnyCommand[];
