/** Belongings and their chain of custody: one person's items, and the check of every chain. */
import { useLocaleChoice } from '../i18n/LocaleProvider.js';
import { codeOf, T, useNumbers, useT } from '../i18n/use-t.js';
import type { CommandOutput, personBelongings } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

/** `GET /api/persons/:id/belongings`. */
type Belongings = CommandOutput<typeof personBelongings>;
type CustodyEvent = Belongings['items'][number]['events'][number];

/** One event in words: its kind, then to whom, by whom, the witness and the place, when known. */
const words = (t: ReturnType<typeof useT>, e: CustodyEvent) =>
  [
    t('custodyKind', codeOf(e.kind)),
    e.detail?.to && t('custody.to', { who: e.detail.to }),
    e.detail?.by && t('custody.by', { who: e.detail.by }),
    e.detail?.witness && t('custody.witness', { who: e.detail.witness }),
    e.detail?.place && t('custody.at', { place: e.detail.place }),
  ]
    .filter(Boolean)
    .join(' ');

/** Looks up a person's belongings; verifies the chains for roles that may. */
export function Custody() {
  const { locale } = useLocaleChoice();
  const { can } = useSession();
  const t = useT();
  const { digits, dateTime } = useNumbers();
  const [id, setId] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [verify, setVerify] = useState(false);
  const record = useApi<Belongings>(
    asked ? `/api/persons/${encodeURIComponent(asked)}/belongings` : null,
  );
  const check = useApi<{ ok: boolean; items: number; events: number; problems?: string[] }>(
    verify ? '/api/custody/verify' : null,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked(id.trim().toUpperCase() || null);
  };
  return (
    <div>
      <form className="row" onSubmit={submit}>
        <div>
          <label htmlFor="custody-person">{t('custody.person')}</label>
          <input
            id="custody-person"
            value={id}
            placeholder="P-…"
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <button type="submit">{t('custody.show')}</button>
        {can('custody.verify') && (
          <button type="button" onClick={() => setVerify(true)}>
            {t('custody.verify')}
          </button>
        )}
      </form>
      <ErrorNote error={record.error ?? check.error} />
      {check.data && (
        <p className={check.data.ok ? 'ok' : 'error'} role="status">
          {check.data.ok
            ? t('custody.intact', {
                items: digits(String(check.data.items)),
                events: digits(String(check.data.events)),
              })
            : t('custody.broken', { problems: (check.data.problems ?? []).join('; ') })}
        </p>
      )}
      {record.loading && <Loading />}
      {record.data && (
        <p>
          <a
            className="badge"
            href={`/api/persons/${encodeURIComponent(record.data.personId)}/custody.pdf?lang=${locale}`}
            download
          >
            {t('custody.record', { id: record.data.personId })}
          </a>
        </p>
      )}
      {record.data && (
        <TableScroll>
          <table aria-label={t('custody.table')}>
            <thead>
              <tr>
                <th scope="col">
                  <T id="col.item" />
                </th>
                <th scope="col">
                  <T id="col.what" />
                </th>
                <th scope="col">
                  <T id="col.now" />
                </th>
                <th scope="col">
                  <T id="col.custodyEvents" />
                </th>
              </tr>
            </thead>
            <tbody>
              {record.data.items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <bdi>{i.id}</bdi>
                  </td>
                  <td>
                    {t('belongingCategory', codeOf(i.category))}
                    {i.description ? `: ${i.description}` : ''}
                  </td>
                  <td>{t('custodyKind', codeOf(i.status))}</td>
                  <td>
                    {i.events.map((e) => (
                      <div key={e.seq}>
                        {dateTime(e.at)} {words(t, e)}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
              {record.data.items.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    {t('custody.none', { id: record.data.personId })}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
