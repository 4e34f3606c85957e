/**
 * Upload of a KoBoToolbox / ODK or Primero export through a saved mapping (issue 23 item 4): the
 * same command as `corridor import kobo`, all or nothing, every bad row named by sheet and row.
 */
import { T, useNumbers, useT } from '../i18n/use-t.js';
import type { CommandOutput, importForm, listMappings } from '@corridor/commands';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { ErrorNote, Loading, TableScroll } from './ui.js';

type Report = CommandOutput<typeof importForm>;

/** A file's bytes as base64, in chunks (a large export would overflow one call's arguments). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Pick a mapping and the export's files, check (dry run) or import, and read the report. */
export function FormImport() {
  const t = useT();
  const { number } = useNumbers();
  const mappings = useApi<CommandOutput<typeof listMappings>>('/api/mappings');
  const [mapping, setMapping] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [report, setReport] = useState<Report | undefined>();
  const [error, setError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  const chosen = mapping || mappings.data?.mappings[0]?.mapping.name || '';

  const send = async (dryRun: boolean) => {
    setBusy(true);
    setError(undefined);
    setReport(undefined);
    try {
      const body = {
        mapping: chosen,
        files: await Promise.all(
          files.map(async (f) => ({ name: f.name, content: await base64Of(f) })),
        ),
        dryRun,
      };
      setReport(await api<Report>('/api/import/form', { method: 'POST', body }));
    } catch (e) {
      const refused =
        e instanceof ApiError ? (e.details as { report?: Report })?.report : undefined;
      if (refused) setReport(refused);
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  if (mappings.loading && !mappings.data) return <Loading />;
  if (mappings.data?.mappings.length === 0)
    return (
      <p className="muted">
        <T id="formImport.noMapping" values={{ code: (chunks) => <code>{chunks}</code> }} />
      </p>
    );
  return (
    <>
      <form onSubmit={submit} className="row" aria-label={t('formImport.form')}>
        <label>
          {t('formImport.mapping')}{' '}
          <select value={chosen} onChange={(e) => setMapping(e.target.value)}>
            {mappings.data?.mappings.map((m) => (
              <option key={m.mapping.name} value={m.mapping.name}>
                {m.mapping.name} ({m.mapping.source})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('formImport.files')}{' '}
          <input
            type="file"
            multiple
            accept=".xlsx,.csv,.json"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <button type="button" disabled={busy || files.length === 0} onClick={() => void send(true)}>
          {t('formImport.check')}
        </button>
        <button type="submit" className="primary" disabled={busy || files.length === 0}>
          {t('formImport.import')}
        </button>
      </form>
      <p className="muted">{t('formImport.help')}</p>
      <ErrorNote error={error} />
      {report && (
        <div role="status">
          <p>
            {t('formImport.read', {
              households: number(report.sheets.households),
              members: number(report.sheets.members),
            })}
            {report.ok
              ? t(report.written ? 'formImport.imported' : 'formImport.valid', {
                  households: number(report.households.created),
                  persons: number(report.persons.created),
                })
              : t('formImport.refused', { count: number(report.problems.length) })}
          </p>
          {report.problems.length > 0 && (
            <TableScroll>
              <table aria-label={t('formImport.problems')}>
                <thead>
                  <tr>
                    <th scope="col">
                      <T id="col.sheet" />
                    </th>
                    <th scope="col">
                      <T id="col.row" />
                    </th>
                    <th scope="col">
                      <T id="col.column" />
                    </th>
                    <th scope="col">
                      <T id="col.value" />
                    </th>
                    <th scope="col">
                      <T id="col.reason" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, k) => (
                    <tr key={k}>
                      <td>
                        <bdi>{p.sheet}</bdi>
                      </td>
                      <td>{p.row === null ? '–' : number(p.row)}</td>
                      <td>
                        <bdi>{p.column}</bdi>
                      </td>
                      <td>
                        <bdi>{p.value}</bdi>
                      </td>
                      <td>{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </div>
      )}
    </>
  );
}
