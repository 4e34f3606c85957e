/**
 * The message ids a module's code names. Every id is a string literal where it is used (ids are
 * typed `MessageId`, so none is assembled at run time), which lets the build give each chunk the
 * messages of its own modules (split-messages.ts) and a test find the messages nobody uses.
 */
const quoted = /(["'`])([A-Za-z][\w.-]*)\1/g;

/** The ids among `known` that appear as string literals in `code` (source or transformed). */
export function keysInCode(code: string, known: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  for (const match of code.matchAll(quoted)) if (known.has(match[2]!)) found.add(match[2]!);
  return found;
}
