/** Any JSON answer as readable tables: for reports whose shape this page does not know in detail. */
import type { ReactNode } from 'react';
import { TableScroll } from './ui.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function cell(v: unknown): ReactNode {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : v.toFixed(2);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return <DataView value={v} />;
}

/** Objects become definition lists, lists of objects become tables, other lists are joined. */
export function DataView(props: { value: unknown; label?: string }) {
  const v = props.value;
  if (Array.isArray(v)) {
    if (v.length === 0) return <span className="muted">none</span>;
    if (v.every(isRecord)) {
      const columns = [...new Set(v.flatMap((r) => Object.keys(r)))];
      return (
        <TableScroll>
          <table aria-label={props.label}>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {v.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => (
                    <td key={c}>{cell(r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      );
    }
    return <>{v.map((x) => String(x)).join(', ')}</>;
  }
  if (isRecord(v))
    return (
      <dl className="facts" aria-label={props.label}>
        {Object.entries(v).map(([k, x]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{cell(x)}</dd>
          </div>
        ))}
      </dl>
    );
  return <>{cell(v)}</>;
}
