/** The application's pages, their paths and the routes a role needs to see each. */
import { lazy, type ComponentType } from 'react';

// Each page is its own chunk, loaded when first opened: the login page and the shell come
// without the charts (echarts) and the world atlas, which only the pages that draw them fetch.
const Dashboard = lazy(() => import('./Dashboard.js').then((m) => ({ default: m.Dashboard })));
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
  /** The first of these routes the server has decides: the page shows if the role may call it. */
  needs: string[];
}

/** Every page, in navigation order. */
export const pages: PageDef[] = [
  { path: '/', title: 'Dashboard', component: Dashboard, needs: ['GET /api/status'] },
  { path: '/registry', title: 'Registry', component: Registry, needs: ['GET /api/cases/:id'] },
  { path: '/planning', title: 'Planning', component: Planning, needs: ['GET /api/plans'] },
  { path: '/timetable', title: 'Timetable', component: Timetable, needs: ['GET /api/movements'] },
  {
    path: '/movement-day',
    title: 'Movement day',
    component: MovementDay,
    needs: ['GET /api/movements/:id/checkin', 'GET /api/movements'],
  },
  {
    path: '/incidents',
    title: 'Incidents & property',
    component: Incidents,
    needs: ['GET /api/incidents', 'GET /api/hazard', 'GET /api/property/report', 'GET /api/status'],
  },
];
