/**
 * The move check of @corridor/core, imported from its own module so the bundle does not pull in
 * the rest of core (zod's compiled validators would trip the page's CSP).
 */
export {
  checkMove,
  plannedKgPerPerson,
  type MoveFinding,
  type MoveTarget,
} from '../../../core/src/move-check.js';
