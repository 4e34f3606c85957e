/** Reading an allocation (M4): one case's explanation and the fairness audit. */
import type { AnyCommand } from '../define.js';
import { allocationExplain } from './explain.js';
import { allocationFairnessAudit } from './fairness.js';
import { allocationRun } from './run.js';

export { allocationExplain, allocationFairnessAudit, allocationRun };
export * from './schemas.js';

/** Every allocation command, for the command table. */
export const allocationCommands = [
  allocationRun,
  allocationExplain,
  allocationFairnessAudit,
] as unknown as readonly AnyCommand[];
