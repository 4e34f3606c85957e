/**
 * Keeps exported cells from running as spreadsheet formulas (OWASP "CSV injection"): a cell that
 * begins with = + - @ tab or carriage return is written with a leading apostrophe in CSV and as
 * quoted text in XLSX. A plain number (a negative longitude, a phone-free count) is left as it is:
 * a spreadsheet reads it as a number and cannot run it.
 */

const trigger = /^[=+\-@\t\r]/;
const plainNumber = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Whether a spreadsheet could read the cell as a formula. */
export function formulaLike(value: string): boolean {
  return trigger.test(value) && !plainNumber.test(value);
}

/** The cell as a CSV writer should write it: an apostrophe before a formula-like value. */
export function neutraliseFormula(value: string): string {
  return formulaLike(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` when Corridor reads its own export back. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && formulaLike(value.slice(1)) ? value.slice(1) : value;
}
