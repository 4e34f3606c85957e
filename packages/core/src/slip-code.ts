/**
 * What the QR code on a check-in slip or wristband holds: the movement and the passenger's record
 * number, nothing personal, so a lost slip names nobody and the desk looks the person up itself.
 */

/** The prefix that tells a slip's code from anything else a scanner reads. */
export const slipCodePrefix = 'CORRIDOR-SLIP';

const idPattern = '[A-Za-z0-9][A-Za-z0-9._-]{0,63}';
const codePattern = new RegExp(`^${slipCodePrefix}:(${idPattern}):(${idPattern})$`);

/** A slip's code: `CORRIDOR-SLIP:<movement>:<person>`. */
export function slipCode(movementId: string, personId: string): string {
  return `${slipCodePrefix}:${movementId}:${personId}`;
}

/** The movement and person a scanned or typed code names, or null when it is not a slip's code. */
export function parseSlipCode(text: string): { movementId: string; personId: string } | null {
  const m = codePattern.exec(text.trim());
  return m ? { movementId: m[1]!, personId: m[2]! } : null;
}
