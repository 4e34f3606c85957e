/** The duplicates review queue: scan, list, decide (nothing merges without a decision). */
import type { AnyCommand } from '../define.js';
import { decideDuplicate } from './decide.js';
import { listDuplicates } from './list.js';
import { scanDuplicates } from './scan.js';

export { decideDuplicate, listDuplicates, scanDuplicates };
export { PairOut, PairStatus } from './schemas.js';

/** Every dedup command, for the command table. */
export const dedupCommands = [
  listDuplicates,
  scanDuplicates,
  decideDuplicate,
] as unknown as readonly AnyCommand[];
