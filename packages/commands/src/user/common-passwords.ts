/**
 * Refuses passwords an attacker tries first: the 49,000 most common passwords seen in breaches
 * (zxcvbn-ts's ranked list, offline), compared without regard to case, and any password that is
 * one of them repeated or two of them glued together ("password" + "123456").
 */
import { createRequire } from 'node:module';
import type * as Zxcvbn from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/** The list, read the first time a password is checked (not when the CLI starts: it is large). */
function list(): Set<string> {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)(
      '@zxcvbn-ts/language-common',
    ) as typeof Zxcvbn;
    common = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  }
  return common;
}

/** How many passwords the list holds (for messages and documentation). */
export function commonPasswordCount(): number {
  return list().size;
}

/** True when the password is common or breached, alone, repeated or as two joined. */
export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  const known = list();
  if (known.has(p) || known.has(p.replace(/\s+/g, ''))) return true;
  for (let cut = 1; cut < p.length; cut++)
    if (known.has(p.slice(0, cut)) && known.has(p.slice(cut))) return true;
  return false;
}
