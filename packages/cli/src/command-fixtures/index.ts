/** Every capability's fixtures for the role-matrix test, one capability a line. */
import type { FixtureGroup } from './fixture.js';
import { fileFixtures } from './files.js';
import { propertyFixtures } from './property.js';

/** The fixture groups the role-matrix test sets up and runs. */
export const fixtureGroups: FixtureGroup[] = [propertyFixtures, fileFixtures];
