/**
 * An error the server sent, in the page's language: for an error `id` the catalogue knows, its
 * message; the server's own text for any other id (and in English, where the server's text says
 * more: the case, the movement, the row). The server already says some errors in the page's
 * language (`accept-language`); these are the ones it says only in English.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { codeOf, useT } from './use-t.js';

/** An error as the API or a job reports it. */
export interface ServerError {
  id: string;
  message: string;
}

/** Says an error of the server in the current language. */
export function useErrorText(): (error: ServerError) => string {
  const t = useT();
  const english = useIntl().locale.startsWith('en');
  return useCallback(
    (e: ServerError) => (english ? '' : t('serverError', codeOf(e.id))) || e.message,
    [t, english],
  );
}
