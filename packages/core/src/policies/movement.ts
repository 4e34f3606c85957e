/** Flights and convoys, their manifests and the day's check-in (M5, M6). */
import { boarding, definePolicy, everyone, rolesRule } from './rule.js';

const desk = ['admin', 'movement-officer'] as const;

/** Movement officers run the day; manifests and check-in lists are for those who board people. */
export const movementPolicy = definePolicy('movement', {
  read: rolesRule(everyone),
  write: rolesRule(['admin', 'planner', 'movement-officer']),
  /** Candidate movements (offers the plan may book) cost money: planners weigh them. */
  offer: rolesRule(['admin', 'planner']),
  manifest: rolesRule(boarding),
  readCheckin: rolesRule(boarding),
  checkin: rolesRule(desk),
  mergeCheckin: rolesRule(desk),
  exportCheckin: rolesRule(desk),
  /** Boarding part of a household that travels together: a protection officer's decision. */
  allowSplit: rolesRule(['admin', 'protection-officer']),
});
