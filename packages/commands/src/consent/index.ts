/** Consent per person and purpose (issue 20 item 4), and the check other commands call. */
import type { AnyCommand } from '../define.js';
import { listBases } from './bases.js';
import { declareBasis } from './basis.js';
import { listConsent } from './list.js';
import { recordConsent } from './record.js';

export { declareBasis, listBases, listConsent, recordConsent };
export { consentGaps, requireConsent, requireNotRefused, type Basis } from './require.js';
export { ConsentListOut, ConsentOut, LawfulBasisOut } from './schemas.js';

/** Every consent command, for the command table. */
export const consentCommands = [
  recordConsent,
  listConsent,
  declareBasis,
  listBases,
] as unknown as readonly AnyCommand[];
