/** The registry: find cases (exact name search through the blind index, filters) and open one. */
import { caseStatuses } from '../lib/workflow.js';
import { useEffect, useState, type FormEvent } from 'react';
import { CaseDetail } from '../components/CaseDetail.js';
import { DisclosureLog } from '../components/Consent.js';
import { FormImport } from '../components/FormImport.js';
import { ErrorNote, GatedPanel, Link, Loading, Panel, TableScroll } from '../components/ui.js';
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import { query } from '../lib/api.js';
import type { CaseList } from '../lib/case-types.js';
import { navigate, useLocation } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import type { DestinationRow } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const pageSize = 25;

/** The registry page; `?case=ID` opens a case. */
export function Registry() {
  const t = useT();
  const { params } = useLocation();
  const openCase = params.get('case');
  // A workflow move or lock in the open case shows in the list at once.
  const [changes, setChanges] = useState(0);
  return (
    <div className="grid">
      <Panel title={t('registry.find')} wide>
        <Search changes={changes} />
      </Panel>
      {openCase && (
        <Panel title={t('registry.case', { id: openCase })} wide id="case-panel">
          <CaseDetail id={openCase} onChanged={() => setChanges((n) => n + 1)} />
        </Panel>
      )}
      <GatedPanel permission="registry.import" title={t('registry.import')} wide>
        <FormImport />
      </GatedPanel>
      <GatedPanel permission="disclosure.read" title={t('registry.disclosures')} wide>
        <DisclosureLog {...(openCase ? { caseId: openCase } : {})} />
      </GatedPanel>
    </div>
  );
}

function Search(props: { changes: number }) {
  const t = useT();
  const { number, digits } = useNumbers();
  const { can, me } = useSession();
  const listing = can('case.read');
  const byName = !me.hiddenFields.includes('name');
  const byDocument = !me.hiddenFields.includes('documentNumber');
  const { params } = useLocation();
  const [id, setId] = useState('');
  const [form, setForm] = useState({
    name: params.get('name') ?? '',
    document: params.get('document') ?? '',
    status: params.get('status') ?? '',
    destination: params.get('destination') ?? '',
  });
  const offset = Number(params.get('offset') ?? 0);
  const destinations = useApi<DestinationRow[]>(
    can('registry.readDestinations') ? '/api/destinations' : null,
  );
  const listQuery = {
    name: params.get('name'),
    document: params.get('document'),
    status: params.get('status'),
    destination: params.get('destination'),
    limit: pageSize,
    offset: offset || undefined,
  };
  const list = useApi<CaseList>(listing ? `/api/cases${query(listQuery)}` : null);
  const rows = list.data?.cases ?? [];
  const total = list.data ? list.data.total : null;
  const { reload } = list;
  useEffect(() => {
    if (props.changes > 0) reload();
  }, [props.changes, reload]);

  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/registry${query({ ...form, case: params.get('case') })}`);
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = id.trim().toUpperCase();
    if (trimmed) navigate(`/registry${query({ ...Object.fromEntries(params), case: trimmed })}`);
  };
  const page = (to: number) =>
    navigate(`/registry${query({ ...Object.fromEntries(params), offset: to || undefined })}`);

  return (
    <>
      <form className="row" onSubmit={open} aria-label={t('registry.openByNumber')}>
        <div>
          <label htmlFor="case-id">{t('registry.caseNumber')}</label>
          <input
            id="case-id"
            placeholder="C-0001"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <button type="submit">{t('registry.openCase')}</button>
      </form>
      {listing ? (
        <>
          <form className="row" onSubmit={search} aria-label={t('registry.searchCases')}>
            {byName && (
              <div>
                <label htmlFor="name">{t('registry.exactName')}</label>
                <input
                  id="name"
                  value={form.name}
                  placeholder={t('registry.namePlaceholder')}
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              </div>
            )}
            {byDocument && (
              <div>
                <label htmlFor="document">{t('registry.documentNumber')}</label>
                <input
                  id="document"
                  value={form.document}
                  onChange={(e) => setForm({ ...form, document: e.target.value })}
                />
              </div>
            )}
            <div>
              <label htmlFor="status">{t('col.status')}</label>
              <select
                id="status"
                value={form.status}
                onChange={(e) => setForm({ ...form, status: e.target.value })}
              >
                <option value="">{t('registry.any')}</option>
                {caseStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t('caseStatus', codeOf(s))}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="destination">{t('col.destination')}</label>
              <select
                id="destination"
                value={form.destination}
                onChange={(e) => setForm({ ...form, destination: e.target.value })}
              >
                <option value="">{t('registry.any')}</option>
                {destinations.data?.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id} · {d.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="primary">
              {t('registry.search')}
            </button>
          </form>
          {(byName || byDocument) && <p className="muted">{t('registry.exactOnly')}</p>}
          <ErrorNote error={list.error} />
          {list.loading && !list.data ? (
            <Loading />
          ) : (
            <TableScroll>
              <table aria-label={t('registry.casesFound')}>
                <thead>
                  <tr>
                    <th scope="col">{t('col.case')}</th>
                    <th scope="col">{t('col.status')}</th>
                    <th scope="col">{t('col.people')}</th>
                    <th scope="col">{t('col.origin')}</th>
                    <th scope="col">{t('col.destination')}</th>
                    <th scope="col">{t('col.priority')}</th>
                    <th scope="col">{t('col.ready')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link
                          to={`/registry${query({ ...Object.fromEntries(params), case: r.id })}`}
                        >
                          <bdi>{r.id}</bdi>
                        </Link>
                      </td>
                      <td>{t('caseStatus', codeOf(r.status))}</td>
                      <td>{number(r.persons)}</td>
                      <td>
                        <bdi>{r.originCountry}</bdi>
                      </td>
                      <td>
                        <bdi>{r.destinationId ?? '–'}</bdi>
                      </td>
                      <td>{number(r.priority)}</td>
                      <td>
                        <bdi>{r.readyDate ? digits(r.readyDate) : '–'}</bdi>
                      </td>
                    </tr>
                  ))}
                  {rows.length === 0 && (
                    <tr>
                      <td colSpan={7} className="muted">
                        {t('registry.noMatch')}
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </TableScroll>
          )}
          <div className="row">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => page(Math.max(0, offset - pageSize))}
            >
              {t('registry.previous')}
            </button>
            <span className="muted">
              <bdi>
                {t(total === null ? 'registry.range' : 'registry.rangeOf', {
                  count: rows.length,
                  from: offset + 1,
                  to: offset + rows.length,
                  total: total ?? 0,
                })}
              </bdi>
            </span>
            <button
              type="button"
              disabled={rows.length < pageSize || (total !== null && offset + pageSize >= total)}
              onClick={() => page(offset + pageSize)}
            >
              {t('registry.next')}
            </button>
          </div>
        </>
      ) : (
        <p className="muted">{t('registry.noList')}</p>
      )}
    </>
  );
}
