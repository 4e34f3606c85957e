/** The disclosure log (issue 20 item 4): read by a command, written by the disclosing commands. */
import type { AnyCommand } from '../define.js';
import { DisclosureOut, listDisclosures } from './list.js';

export { DisclosureOut, listDisclosures };
export { downloadRecipient, logDisclosure } from './log.js';

/** Every disclosure command, for the command table. */
export const disclosureCommands = [listDisclosures] as unknown as readonly AnyCommand[];
