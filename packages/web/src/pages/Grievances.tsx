/** Grievances and appeals: the complaint log with overdue ones highlighted, and appeals. */
import { AppealList, GrievanceLog } from '../components/Grievances.js';
import { GatedPanel } from '../components/ui.js';

/** The grievances page. */
export function Grievances() {
  return (
    <div className="grid">
      <GatedPanel permission="grievance.read" title="Grievance log" wide>
        <GrievanceLog />
      </GatedPanel>
      <GatedPanel permission="appeal.read" title="Appeals against allocations" wide>
        <AppealList />
      </GatedPanel>
    </div>
  );
}
