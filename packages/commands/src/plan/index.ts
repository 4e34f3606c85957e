/** Plans and planners' locks (M4, M5, M7). */
import type { AnyCommand } from '../define.js';
import { listLocks } from './list-locks.js';
import { listPlans } from './list.js';
import { lockCase } from './lock-case.js';
import { showPlan } from './show.js';
import { unlockCase } from './unlock-case.js';

export { listLocks, listPlans, lockCase, showPlan, unlockCase };
export * from './schemas.js';

/** Every plan command, for the command table. */
export const planCommands = [
  listPlans,
  showPlan,
  lockCase,
  unlockCase,
  listLocks,
] as unknown as readonly AnyCommand[];
