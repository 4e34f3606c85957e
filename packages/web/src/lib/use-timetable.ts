/** The current timetable (`GET /api/timetable`), asked for only when a timetable plan exists. */
import { useSession } from './session.js';
import type { PlanHeader, TimetableMovement } from './types.js';
import { useApi, type Loaded } from './use-api.js';

/** The timetable, `available` false when the server or the operation has none. */
export function useTimetable(): Loaded<TimetableMovement[]> & { available: boolean } {
  const { can } = useSession();
  const routeOk = can('plan.read');
  const plans = useApi<PlanHeader[]>(routeOk ? '/api/plans?kind=timetable' : null);
  const planned = Boolean(plans.data?.some((p) => p.status === 'current'));
  const timetable = useApi<TimetableMovement[]>(planned ? '/api/timetable' : null);
  return {
    ...timetable,
    loading: timetable.loading || plans.loading,
    available: routeOk && (plans.data === undefined || planned),
  };
}
