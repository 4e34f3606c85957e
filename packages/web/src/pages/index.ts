/** The application's pages, their paths and the permission a role needs to see each. */
import type { Permission } from '@corridor/core';
import { lazy, type ComponentType } from 'react';
import { withMessages, type MessageId } from '../i18n/messages.js';
import dataProtectionMessages from 'virtual:catalogue/pages/DataProtection.tsx';
import dashboardMessages from 'virtual:catalogue/pages/Dashboard.tsx';
import grievancesMessages from 'virtual:catalogue/pages/Grievances.tsx';
import incidentsMessages from 'virtual:catalogue/pages/Incidents.tsx';
import movementDayMessages from 'virtual:catalogue/pages/MovementDay.tsx';
import planningMessages from 'virtual:catalogue/pages/Planning.tsx';
import registryMessages from 'virtual:catalogue/pages/Registry.tsx';
import timetableMessages from 'virtual:catalogue/pages/Timetable.tsx';

// Each page is its own chunk, loaded when first opened, with its messages in the current language
// beside it: the login page and the shell come without the charts (echarts), the world atlas and
// the pages' words, which only the pages that use them fetch.
const DataProtection = lazy(() =>
  withMessages(import('./DataProtection.js'), dataProtectionMessages).then((m) => ({
    default: m.DataProtection,
  })),
);
const Dashboard = lazy(() =>
  withMessages(import('./Dashboard.js'), dashboardMessages).then((m) => ({ default: m.Dashboard })),
);
const Grievances = lazy(() =>
  withMessages(import('./Grievances.js'), grievancesMessages).then((m) => ({
    default: m.Grievances,
  })),
);
const Incidents = lazy(() =>
  withMessages(import('./Incidents.js'), incidentsMessages).then((m) => ({ default: m.Incidents })),
);
const MovementDay = lazy(() =>
  withMessages(import('./MovementDay.js'), movementDayMessages).then((m) => ({
    default: m.MovementDay,
  })),
);
const Planning = lazy(() =>
  withMessages(import('./Planning.js'), planningMessages).then((m) => ({ default: m.Planning })),
);
const Registry = lazy(() =>
  withMessages(import('./Registry.js'), registryMessages).then((m) => ({ default: m.Registry })),
);
const Timetable = lazy(() =>
  withMessages(import('./Timetable.js'), timetableMessages).then((m) => ({ default: m.Timetable })),
);

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
