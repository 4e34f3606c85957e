/** Every capability's fixtures for the role-matrix test, one capability a line. */
import { caseFixtures } from './case.js';
import { dedupFixtures } from './dedup.js';
import type { FixtureGroup } from './fixture.js';
import { propertyFixtures } from './property.js';
import { userFixtures } from './user.js';
import { webhookFixtures } from './webhook.js';

/** The fixture groups the role-matrix test sets up and runs. */
export const fixtureGroups: FixtureGroup[] = [
  propertyFixtures,
  webhookFixtures,
  caseFixtures,
  userFixtures,
  dedupFixtures,
];
