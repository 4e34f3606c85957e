/**
 * Data protection: how long each category of personal data is kept, the retention job and what
 * it shredded, the legal holds that pause it, and the data-protection officer's two documents.
 */
import {
  LegalHolds,
  RetentionReports,
  RetentionRun,
  RetentionSchedules,
} from '../components/Retention.js';
import type { RetentionReport } from '../lib/retention-types.js';
import { GatedPanel } from '../components/ui.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** The data-protection page. */
export function DataProtection() {
  const { can } = useSession();
  const reports = useApi<{ reports: RetentionReport[] }>('/api/retention/reports');
  return (
    <div className="grid">
      <GatedPanel permission="retention.read" title="Retention schedules" wide>
        <RetentionSchedules />
      </GatedPanel>
      <GatedPanel permission="retention.read" title="Retention job and reports" wide>
        {can('retention.run') && <RetentionRun onDone={reports.reload} />}
        <RetentionReports list={reports} />
      </GatedPanel>
      <GatedPanel permission="retention.read" title="Legal holds" wide>
        <LegalHolds />
      </GatedPanel>
      <GatedPanel permission="dpo.read" title="Documents for the data-protection officer">
        <ul>
          <li>
            <a href="/api/dpo/ropa" download>
              Records of processing activities (GDPR Art. 30), Markdown
            </a>
          </li>
          <li>
            <a href="/api/dpo/dpia" download>
              Data-protection impact assessment (draft), Markdown
            </a>
          </li>
        </ul>
      </GatedPanel>
    </div>
  );
}
