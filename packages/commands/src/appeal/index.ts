/** Appeals against an allocation: filed with the explanation, decided, an upheld one re-planned. */
import type { AnyCommand } from '../define.js';
import { decideAppeal } from './decide.js';
import { fileAppeal } from './file.js';
import { listAppeals } from './list.js';
import { AppealOut } from './schemas.js';

export { AppealOut, decideAppeal, fileAppeal, listAppeals };

/** Every appeal command, for the command table. */
export const appealCommands = [
  fileAppeal,
  decideAppeal,
  listAppeals,
] as unknown as readonly AnyCommand[];
