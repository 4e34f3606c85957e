/** Incidents and property: the incident log with the hazard chart, the property ledger. */
import type { CommandOutput, listIncidents } from '@corridor/commands';
import { useEffect } from 'react';
import { preloadChart } from '../components/Chart.js';
import { Custody } from '../components/Custody.js';
import { HazardChart } from '../components/HazardChart.js';
import { IncidentForm } from '../components/IncidentForm.js';
import { PropertyReport } from '../components/PropertyReport.js';
import { ErrorNote, GatedPanel, Loading, TableScroll } from '../components/ui.js';
import { codeOf, useNumbers, useT } from '../i18n/use-t.js';
import { useSession } from '../lib/session.js';
import type { HazardDay } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

/** `GET /api/incidents`. */
type IncidentList = CommandOutput<typeof listIncidents>;

/** The incidents and property page. */
export function Incidents() {
  const t = useT();
  const { number, dateTime } = useNumbers();
  useEffect(preloadChart, []);
  const { can } = useSession();
  const incidents = useApi<IncidentList>(can('incident.read') ? '/api/incidents' : null);
  const hazard = useApi<HazardDay[]>(can('incident.read') ? '/api/hazard' : null);
  const property = useApi<unknown>(can('property.read') ? '/api/property/report' : null);
  const list = incidents.data ?? [];

  return (
    <div className="grid">
      <GatedPanel permission="incident.read" title={t('incidents.hazard')} wide>
        {hazard.data ? (
          <HazardChart days={hazard.data} />
        ) : (
          <>
            <ErrorNote error={hazard.error} />
            {!hazard.error && <Loading />}
          </>
        )}
      </GatedPanel>
      <GatedPanel permission="incident.read" title={t('incidents.log')} wide>
        {
          <>
            <ErrorNote error={incidents.error} />
            {!incidents.data && !incidents.error && <Loading />}
            {can('incident.write') && incidents.data && (
              <details>
                <summary>{t('incidents.record')}</summary>
                <IncidentForm
                  ids={list.map((i) => i.id)}
                  site={list.at(-1)?.site ?? ''}
                  onAdded={incidents.reload}
                />
              </details>
            )}
            <TableScroll>
              <table aria-label={t('incidents.table')}>
                <thead>
                  <tr>
                    <th scope="col">{t('col.incident')}</th>
                    <th scope="col">{t('col.when')}</th>
                    <th scope="col">{t('col.type')}</th>
                    <th scope="col">{t('col.where')}</th>
                    <th scope="col">{t('col.casualties')}</th>
                    <th scope="col">{t('col.source')}</th>
                    <th scope="col">{t('col.narrative')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => b.at.localeCompare(a.at))
                    .map((i) => (
                      <tr key={i.id}>
                        <td>
                          <bdi>{i.id}</bdi>
                        </td>
                        <td>
                          <bdi>{dateTime(i.at)}</bdi>
                        </td>
                        <td>{t('incidentType', codeOf(i.type))}</td>
                        <td>
                          <bdi>{i.site}</bdi>
                        </td>
                        <td>
                          <bdi>
                            {number(i.injured)} / {number(i.killed)}
                          </bdi>
                        </td>
                        <td>
                          {i.source ?? '–'} (
                          {i.confidence ? t('incidentConfidence', codeOf(i.confidence)) : '–'})
                        </td>
                        <td>
                          {i.narrative ?? <span className="muted">{t('incidents.hidden')}</span>}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        }
      </GatedPanel>
      <GatedPanel permission="property.read" title={t('incidents.property')} wide>
        <ErrorNote error={property.error} />
        {property.data === undefined ? (
          !property.error && <Loading />
        ) : (
          <PropertyReport data={property.data} />
        )}
      </GatedPanel>
      <GatedPanel permission="custody.read" title={t('incidents.custody')} wide>
        <Custody />
      </GatedPanel>
    </div>
  );
}
