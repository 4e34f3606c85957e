/** The application's pages, their paths and the permission a role needs to see each. */
import type { Permission } from '@corridor/core';
import { lazy, type ComponentType } from 'react';

// Each page is its own chunk, loaded when first opened: the login page and the shell come
// without the charts (echarts) and the world atlas, which only the pages that draw them fetch.
const DataProtection = lazy(() =>
  import('./DataProtection.js').then((m) => ({ default: m.DataProtection })),
);
const Dashboard = lazy(() => import('./Dashboard.js').then((m) => ({ default: m.Dashboard })));
const Grievances = lazy(() => import('./Grievances.js').then((m) => ({ default: m.Grievances })));
const Incidents = lazy(() => import('./Incidents.js').then((m) => ({ default: m.Incidents })));
const MovementDay = lazy(() =>
  import('./MovementDay.js').then((m) => ({ default: m.MovementDay })),
);
const Planning = lazy(() => import('./Planning.js').then((m) => ({ default: m.Planning })));
const Registry = lazy(() => import('./Registry.js').then((m) => ({ default: m.Registry })));
const Timetable = lazy(() => import('./Timetable.js').then((m) => ({ default: m.Timetable })));

/** One page of the navigation. */
export interface PageDef {
  path: string;
  title: string;
  component: ComponentType;
  /** The page shows when the role has this permission (what its main route asks). */
  needs: Permission;
}

/** Every page, in navigation order. */
export const pages: PageDef[] = [
  { path: '/', title: 'Dashboard', component: Dashboard, needs: 'operation.read' },
  { path: '/registry', title: 'Registry', component: Registry, needs: 'case.read' },
  { path: '/planning', title: 'Planning', component: Planning, needs: 'plan.read' },
  { path: '/timetable', title: 'Timetable', component: Timetable, needs: 'movement.read' },
  {
    path: '/movement-day',
    title: 'Movement day',
    component: MovementDay,
    needs: 'movement.readCheckin',
  },
  {
    path: '/incidents',
    title: 'Incidents & property',
    component: Incidents,
    needs: 'incident.read',
  },
  { path: '/grievances', title: 'Grievances', component: Grievances, needs: 'grievance.read' },
  {
    path: '/data-protection',
    title: 'Data protection',
    component: DataProtection,
    needs: 'retention.read',
  },
];
