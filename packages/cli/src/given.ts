/** Commander options to a command's input: the options given, renamed, as text. */

/**
 * The options of `names` that were given, under their input field names, as text (a flag as
 * `true`); options left out stay out, so the command's defaults apply.
 */
export function given(
  o: Record<string, unknown>,
  names: Record<string, string>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(names)
      .filter(([option]) => o[option] !== undefined)
      .map(([option, field]) => [field, o[option] === true ? true : String(o[option])]),
  );
}
