/** Messages and numbers in the current language, typed by the English catalogue's ids. */
import { useCallback, useMemo, type ReactNode } from 'react';
import { FormattedMessage, useIntl, type PrimitiveType } from 'react-intl';
import type { MessageId } from './messages.js';

/** The values an ICU message's placeholders take. */
export type MessageValues = Record<
  string,
  PrimitiveType | ReactNode | ((chunks: ReactNode[]) => ReactNode)
>;

/** A function giving a message as a string, for attributes, titles and labels. */
export function useT(): (id: MessageId, values?: Record<string, PrimitiveType>) => string {
  const intl = useIntl();
  return useCallback(
    (id: MessageId, values?: Record<string, PrimitiveType>) => intl.formatMessage({ id }, values),
    [intl],
  );
}

/** A message as React nodes: its tags (`<b>…</b>`) become the elements given in `values`. */
export function T(props: { id: MessageId; values?: MessageValues }) {
  return <FormattedMessage id={props.id} values={props.values} />;
}

/** Numbers, and ISO dates and times kept in their layout, in the language's digits. */
export function useNumbers(): {
  number: (n: number | null | undefined) => string;
  /** A share (0.42) as a percentage (42%, ٤٢٪) in the language's digits and sign. */
  percent: (share: number) => string;
  /** `2026-05-01T08:30…` → `2026-05-01 08:30`, each digit in the language's own. */
  dateTime: (iso: string) => string;
  /** An ISO date or other string of digits (an ID stays as it is: only its digits change). */
  digits: (text: string) => string;
} {
  const intl = useIntl();
  return useMemo(() => {
    const digit = new Intl.NumberFormat(intl.locale, { useGrouping: false });
    const digits = (text: string) => text.replace(/\d/g, (d) => digit.format(Number(d)));
    return {
      number: (n) => (n == null ? '–' : intl.formatNumber(n)),
      percent: (share) => intl.formatNumber(share, { style: 'percent' }),
      dateTime: (iso) => digits(iso.slice(0, 16).replace('T', ' ')),
      digits,
    };
  }, [intl]);
}

/**
 * The values of a message that names a code (a status, a role, a kind): `code` is the select key
 * (ICU keys cannot hold `-`), `raw` the code as it is, which English and unknown codes show.
 */
export function codeOf(value: string): { code: string; raw: string } {
  return { code: `c_${value.replace(/-/g, '_')}`, raw: value };
}
