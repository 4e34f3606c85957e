/** Custody's commands (M9) that answer files. */
import type { AnyCommand } from '../define.js';
import { custodyRecordPdf } from './record-pdf.js';

export { custodyRecordPdf };

/** Every custody command, for the command table. */
export const custodyCommands = [custodyRecordPdf] as unknown as readonly AnyCommand[];
