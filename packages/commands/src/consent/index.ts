/** Consent per person and purpose (issue 20 item 4), and the check other commands call. */
import type { AnyCommand } from '../define.js';
import { listConsent } from './list.js';
import { recordConsent } from './record.js';

export { listConsent, recordConsent };
export { consentGaps, requireConsent } from './require.js';
export { ConsentListOut, ConsentOut } from './schemas.js';

/** Every consent command, for the command table. */
export const consentCommands = [recordConsent, listConsent] as unknown as readonly AnyCommand[];
