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
import { LawfulBases } from '../components/Consent.js';
import { GatedPanel } from '../components/ui.js';
import { useT } from '../i18n/use-t.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** The data-protection page. */
export function DataProtection() {
  const t = useT();
  const { can } = useSession();
  const reports = useApi<{ reports: RetentionReport[] }>('/api/retention/reports');
  return (
    <div className="grid">
      <GatedPanel permission="retention.read" title={t('dp.schedules')} wide>
        <RetentionSchedules />
      </GatedPanel>
      <GatedPanel permission="retention.read" title={t('dp.job')} wide>
        {can('retention.run') && <RetentionRun onDone={reports.reload} />}
        <RetentionReports list={reports} />
      </GatedPanel>
      <GatedPanel permission="retention.read" title={t('dp.holds')} wide>
        <LegalHolds />
      </GatedPanel>
      <GatedPanel permission="consent.read" title={t('dp.bases')} wide>
        <LawfulBases />
      </GatedPanel>
      <GatedPanel permission="dpo.read" title={t('dp.documents')}>
        <ul>
          <li>
            <a href="/api/dpo/ropa" download>
              {t('dp.ropa')}
            </a>
          </li>
          <li>
            <a href="/api/dpo/dpia" download>
              {t('dp.dpia')}
            </a>
          </li>
        </ul>
      </GatedPanel>
    </div>
  );
}
