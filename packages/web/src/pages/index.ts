/** The application's pages, their paths and the routes a role needs to see each. */
import type { ComponentType } from 'react';
import { Dashboard } from './Dashboard.js';
import { Incidents } from './Incidents.js';
import { MovementDay } from './MovementDay.js';
import { Planning } from './Planning.js';
import { Registry } from './Registry.js';
import { Timetable } from './Timetable.js';

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
