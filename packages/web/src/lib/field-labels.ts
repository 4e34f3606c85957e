/** Words for people for the classes of personal data a role may not see (core's `personFields`). */
import type { useT } from '../i18n/use-t.js';
import { codeOf } from '../i18n/use-t.js';

/**
 * "names, dates of birth, …" for a list of hidden fields, in the reader's language (the
 * `personField` message; an unknown field is shown as sent).
 */
export function describeFields(t: ReturnType<typeof useT>, fields: readonly string[]): string {
  return fields.map((f) => t('personField', codeOf(f))).join(t('list.separator'));
}
