/** Every capability's fixtures for the role-matrix test, one capability a line. */
import { allocationFixtures } from './allocation.js';
import type { FixtureGroup } from './fixture.js';
import { jobFixtures } from './job.js';
import { planFixtures } from './plan.js';
import { propertyFixtures } from './property.js';
import { timetableFixtures } from './timetable.js';

/** The fixture groups the role-matrix test sets up and runs. */
export const fixtureGroups: FixtureGroup[] = [
  propertyFixtures,
  planFixtures,
  allocationFixtures,
  timetableFixtures,
  jobFixtures,
];
