/** Grievances and appeals: the complaint log with overdue ones highlighted, and appeals. */
import { AppealList, GrievanceLog } from '../components/Grievances.js';
import { GatedPanel } from '../components/ui.js';
import { useT } from '../i18n/use-t.js';

/** The grievances page. */
export function Grievances() {
  const t = useT();
  return (
    <div className="grid">
      <GatedPanel permission="grievance.read" title={t('grievances.log')} wide>
        <GrievanceLog />
      </GatedPanel>
      <GatedPanel permission="appeal.read" title={t('grievances.appeals')} wide>
        <AppealList />
      </GatedPanel>
    </div>
  );
}
