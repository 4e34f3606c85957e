/** The burndown of people still at risk, from core (imported from its own module, not core's index). */
export {
  burndown,
  personsMoved,
  personsRemaining,
  type Burndown,
  type BurndownPoint,
} from '../../../core/src/situation.js';
