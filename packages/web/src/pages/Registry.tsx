/** The registry: find cases (exact name search through the blind index, filters) and open one. */
import { caseStatuses } from '../lib/workflow.js';
import { useEffect, useState, type FormEvent } from 'react';
import { CaseDetail } from '../components/CaseDetail.js';
import { DisclosureLog } from '../components/Consent.js';
import { FormImport } from '../components/FormImport.js';
import { ErrorNote, GatedPanel, Link, Loading, Panel, TableScroll } from '../components/ui.js';
import { query } from '../lib/api.js';
import type { CaseList } from '../lib/case-types.js';
import { navigate, useLocation } from '../lib/router.js';
import { useSession } from '../lib/session.js';
import type { DestinationRow } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const pageSize = 25;

/** The registry page; `?case=ID` opens a case. */
export function Registry() {
  const { params } = useLocation();
  const openCase = params.get('case');
  // A workflow move or lock in the open case shows in the list at once.
  const [changes, setChanges] = useState(0);
  return (
    <div className="grid">
      <Panel title="Find a case" wide>
        <Search changes={changes} />
      </Panel>
      {openCase && (
        <Panel title={`Case ${openCase}`} wide id="case-panel">
          <CaseDetail id={openCase} onChanged={() => setChanges((n) => n + 1)} />
        </Panel>
      )}
      <GatedPanel permission="registry.import" title="Import a KoBo / ODK or Primero export" wide>
        <FormImport />
      </GatedPanel>
      <GatedPanel permission="disclosure.read" title="Disclosure log" wide>
        <DisclosureLog {...(openCase ? { caseId: openCase } : {})} />
      </GatedPanel>
    </div>
  );
}

function Search(props: { changes: number }) {
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
      <form className="row" onSubmit={open} aria-label="Open a case by its number">
        <div>
          <label htmlFor="case-id">Case number</label>
          <input
            id="case-id"
            placeholder="C-0001"
            value={id}
            onChange={(e) => setId(e.target.value)}
          />
        </div>
        <button type="submit">Open case</button>
      </form>
      {listing ? (
        <>
          <form className="row" onSubmit={search} aria-label="Search cases">
            {byName && (
              <div>
                <label htmlFor="name">Exact full name</label>
                <input
                  id="name"
                  value={form.name}
                  placeholder="given and family name"
                  onChange={(e) => setForm({ ...form, name: e.target.value })}
                />
              </div>
            )}
            {byDocument && (
              <div>
                <label htmlFor="document">Document number</label>
                <input
                  id="document"
                  value={form.document}
                  onChange={(e) => setForm({ ...form, document: e.target.value })}
                />
              </div>
            )}
            <div>
              <label htmlFor="status">Status</label>
              <select
                id="status"
                value={form.status}
                onChange={(e) => setForm({ ...form, status: e.target.value })}
              >
                <option value="">any</option>
                {caseStatuses.map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="destination">Destination</label>
              <select
                id="destination"
                value={form.destination}
                onChange={(e) => setForm({ ...form, destination: e.target.value })}
              >
                <option value="">any</option>
                {destinations.data?.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.id} · {d.name}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="primary">
              Search
            </button>
          </form>
          {(byName || byDocument) && (
            <p className="muted">
              Names and document numbers are stored encrypted: the search finds exact values only
              (through a keyed index), never parts of them.
            </p>
          )}
          <ErrorNote error={list.error} />
          {list.loading && !list.data ? (
            <Loading />
          ) : (
            <TableScroll>
              <table aria-label="Cases found">
                <thead>
                  <tr>
                    <th scope="col">Case</th>
                    <th scope="col">Status</th>
                    <th scope="col">People</th>
                    <th scope="col">Origin</th>
                    <th scope="col">Destination</th>
                    <th scope="col">Priority</th>
                    <th scope="col">Ready</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <Link
                          to={`/registry${query({ ...Object.fromEntries(params), case: r.id })}`}
                        >
                          {r.id}
                        </Link>
                      </td>
                      <td>{r.status}</td>
                      <td>{r.persons}</td>
                      <td>{r.originCountry}</td>
                      <td>{r.destinationId ?? '–'}</td>
                      <td>{r.priority}</td>
                      <td>{r.readyDate ?? '–'}</td>
                    </tr>
                  ))}
                  {rows.length === 0 && (
                    <tr>
                      <td colSpan={7} className="muted">
                        No case matches.
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
              Previous
            </button>
            <span className="muted">
              {rows.length > 0 ? `${offset + 1}–${offset + rows.length}` : '0'}
              {total !== null ? ` of ${total}` : ''}
            </span>
            <button
              type="button"
              disabled={rows.length < pageSize || (total !== null && offset + pageSize >= total)}
              onClick={() => page(offset + pageSize)}
            >
              Next
            </button>
          </div>
        </>
      ) : (
        <p className="muted">The case list and search are not available on this server yet.</p>
      )}
    </>
  );
}
