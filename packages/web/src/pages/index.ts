/** The application's pages, their paths and the permission a role needs to see each. */
import type { Permission } from '@corridor/core';
import { lazy, type ComponentType } from 'react';
import type { MessageId } from '../i18n/messages.js';

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
  /** The page's name in the message catalogue. */
  title: MessageId;
  component: ComponentType;
  /** The page shows when the role has this permission (what its main route asks). */
  needs: Permission;
}

/** Every page, in navigation order. */
export const pages: PageDef[] = [
  { path: '/', title: 'page.dashboard', component: Dashboard, needs: 'operation.read' },
  { path: '/registry', title: 'page.registry', component: Registry, needs: 'case.read' },
  { path: '/planning', title: 'page.planning', component: Planning, needs: 'plan.read' },
  { path: '/timetable', title: 'page.timetable', component: Timetable, needs: 'movement.read' },
  {
    path: '/movement-day',
    title: 'page.movementDay',
    component: MovementDay,
    needs: 'movement.readCheckin',
  },
  {
    path: '/incidents',
    title: 'page.incidents',
    component: Incidents,
    needs: 'incident.read',
  },
  { path: '/grievances', title: 'page.grievances', component: Grievances, needs: 'grievance.read' },
  {
    path: '/data-protection',
    title: 'page.dataProtection',
    component: DataProtection,
    needs: 'retention.read',
  },
];
