/** Personal belongings and their chain of custody (M9). */
import type { AnyCommand } from '../define.js';
import { addBelongings } from './add-items.js';
import { listBelongings } from './list.js';
import { personBelongings } from './person-belongings.js';
import { custodyRecordPdf } from './record-pdf.js';
import { recordCustodyEvent } from './record-event.js';
import { verifyCustody } from './verify.js';

export {
  addBelongings,
  custodyRecordPdf,
  listBelongings,
  personBelongings,
  recordCustodyEvent,
  verifyCustody,
};

/** Every custody command, for the command table. */
export const custodyCommands = [
  addBelongings,
  recordCustodyEvent,
  listBelongings,
  personBelongings,
  verifyCustody,
  custodyRecordPdf,
] as unknown as readonly AnyCommand[];
