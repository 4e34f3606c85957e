/** Every capability's fixtures for the role-matrix test, one capability a line. */
import { caseFixtures } from './case.js';
import { consentFixtures } from './consent.js';
import { dedupFixtures } from './dedup.js';
import { destinationFixtures } from './destination.js';
import { allocationFixtures } from './allocation.js';
import type { FixtureGroup } from './fixture.js';
import { jobFixtures } from './job.js';
import { planFixtures } from './plan.js';
import { checkinFixtures } from './checkin.js';
import { custodyFixtures } from './custody.js';
import { incidentFixtures } from './incident.js';
import { movementFixtures } from './movement.js';
import { candidateFixtures } from './candidate.js';
import { operationFixtures } from './operation.js';
import { personFixtures } from './person.js';
import { fileFixtures } from './files.js';
import { grievanceFixtures } from './grievance.js';
import { arrivalFixtures } from './arrival.js';
import { procedureFixtures } from './procedure.js';
import { messageFixtures } from './message.js';
import { mappingFixtures } from './mapping.js';
import { propertyFixtures } from './property.js';
import { userFixtures } from './user.js';
import { webhookFixtures } from './webhook.js';
import { retentionFixtures } from './retention.js';
import { timetableFixtures } from './timetable.js';

/** The fixture groups the role-matrix test sets up and runs. */
export const fixtureGroups: FixtureGroup[] = [
  propertyFixtures,
  webhookFixtures,
  caseFixtures,
  personFixtures,
  userFixtures,
  dedupFixtures,
  destinationFixtures,
  planFixtures,
  allocationFixtures,
  timetableFixtures,
  jobFixtures,
  movementFixtures,
  candidateFixtures,
  checkinFixtures,
  incidentFixtures,
  custodyFixtures,
  fileFixtures,
  retentionFixtures,
  consentFixtures,
  operationFixtures,
  grievanceFixtures,
  arrivalFixtures,
  procedureFixtures,
  messageFixtures,
  mappingFixtures,
];
