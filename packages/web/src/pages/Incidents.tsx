/** Incidents and property: the incident log with the hazard chart, the property ledger. */
import type { CommandOutput, listIncidents } from '@corridor/commands';
import { useEffect } from 'react';
import { preloadChart } from '../components/Chart.js';
import { Custody } from '../components/Custody.js';
import { HazardChart } from '../components/HazardChart.js';
import { IncidentForm } from '../components/IncidentForm.js';
import { PropertyReport } from '../components/PropertyReport.js';
import { ErrorNote, GatedPanel, Loading, TableScroll } from '../components/ui.js';
import { useSession } from '../lib/session.js';
import type { HazardDay } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

/** `GET /api/incidents`. */
type IncidentList = CommandOutput<typeof listIncidents>;

/** The incidents and property page. */
export function Incidents() {
  useEffect(preloadChart, []);
  const { can } = useSession();
  const incidents = useApi<IncidentList>(can('incident.read') ? '/api/incidents' : null);
  const hazard = useApi<HazardDay[]>(can('incident.read') ? '/api/hazard' : null);
  const property = useApi<unknown>(can('property.read') ? '/api/property/report' : null);
  const list = incidents.data ?? [];

  return (
    <div className="grid">
      <GatedPanel permission="incident.read" title="Hazard at the camp" wide>
        {hazard.data ? (
          <HazardChart days={hazard.data} />
        ) : (
          <>
            <ErrorNote error={hazard.error} />
            {!hazard.error && <Loading />}
          </>
        )}
      </GatedPanel>
      <GatedPanel permission="incident.read" title="Incident log" wide>
        {
          <>
            <ErrorNote error={incidents.error} />
            {!incidents.data && !incidents.error && <Loading />}
            {can('incident.write') && incidents.data && (
              <details>
                <summary>Record an incident</summary>
                <IncidentForm
                  ids={list.map((i) => i.id)}
                  site={list.at(-1)?.site ?? ''}
                  onAdded={incidents.reload}
                />
              </details>
            )}
            <TableScroll>
              <table aria-label="Incidents">
                <thead>
                  <tr>
                    <th scope="col">Incident</th>
                    <th scope="col">When</th>
                    <th scope="col">Type</th>
                    <th scope="col">Where</th>
                    <th scope="col">Injured / killed</th>
                    <th scope="col">Source (confidence)</th>
                    <th scope="col">Narrative</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => b.at.localeCompare(a.at))
                    .map((i) => (
                      <tr key={i.id}>
                        <td>{i.id}</td>
                        <td>{i.at.slice(0, 16).replace('T', ' ')}</td>
                        <td>{i.type}</td>
                        <td>{i.site}</td>
                        <td>
                          {i.injured ?? '–'} / {i.killed ?? '–'}
                        </td>
                        <td>
                          {i.source ?? '–'} ({i.confidence ?? '–'})
                        </td>
                        <td>{i.narrative ?? <span className="muted">hidden</span>}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </TableScroll>
          </>
        }
      </GatedPanel>
      <GatedPanel
        permission="property.read"
        title="Property: appraised, offered, permitted, realised"
        wide
      >
        <ErrorNote error={property.error} />
        {property.data === undefined ? (
          !property.error && <Loading />
        ) : (
          <PropertyReport data={property.data} />
        )}
      </GatedPanel>
      <GatedPanel permission="custody.read" title="Belongings and chain of custody" wide>
        <Custody />
      </GatedPanel>
    </div>
  );
}
