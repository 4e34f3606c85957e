/** Every capability's fixtures for the role-matrix test, one capability a line. */
import { checkinFixtures } from './checkin.js';
import { custodyFixtures } from './custody.js';
import type { FixtureGroup } from './fixture.js';
import { incidentFixtures } from './incident.js';
import { movementFixtures } from './movement.js';
import { propertyFixtures } from './property.js';

/** The fixture groups the role-matrix test sets up and runs. */
export const fixtureGroups: FixtureGroup[] = [
  propertyFixtures,
  movementFixtures,
  checkinFixtures,
  incidentFixtures,
  custodyFixtures,
];
