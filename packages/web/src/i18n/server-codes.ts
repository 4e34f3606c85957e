/**
 * Codes the server sends with English words beside them, in the page's language: a job's
 * `phase` (its English progress message only for a phase the catalogue does not know, and in
 * English) and the eligibility rules an allocation names.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { codeOf, useT } from './use-t.js';

/** Says job phases and eligibility rules in the current language. */
export function useServerCodes(): {
  phase: (phase: string, message: string) => string;
  rules: (rules: readonly string[]) => string;
} {
  const t = useT();
  const english = useIntl().locale.startsWith('en');
  return useMemo(
    () => ({
      phase: (phase, message) => {
        const words = t('jobPhase', codeOf(phase));
        return english || words === phase ? `${phase}: ${message}` : words;
      },
      rules: (rules) => rules.map((r) => t('eligibilityRule', codeOf(r))).join(t('list.separator')),
    }),
    [t, english],
  );
}
