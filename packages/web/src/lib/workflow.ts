/**
 * The case workflow table of @corridor/core, imported from its own module so the bundle does not
 * pull in the rest of core (zod's compiled validators would trip the page's CSP).
 */
export {
  caseStatuses,
  checkTransition,
  nextStatuses,
  preDepartureStatuses,
  type CaseStatus,
} from '../../../core/src/workflow.js';
