/** Every command, by name: the table the interfaces bind and the tests walk. */
import { auditCommands } from './audit/index.js';
import { checkinCommands } from './checkin/index.js';
import { custodyCommands } from './custody/index.js';
import type { AnyCommand } from './define.js';
import { caseCommands } from './case/index.js';
import { dedupCommands } from './dedup/index.js';
import { destinationCommands } from './destination/index.js';
import { operationCommands } from './operation/index.js';
import { personCommands } from './person/index.js';
import { incidentCommands } from './incident/index.js';
import { movementCommands } from './movement/index.js';
import { candidateCommands } from './candidate/index.js';
import { propertyCommands } from './property/index.js';
import { userCommands } from './user/index.js';
import { webhookCommands } from './webhook/index.js';
import { allocationCommands } from './allocation/index.js';
import { hazardCommands } from './hazard/index.js';
import { jobCommands } from './job/index.js';
import { planCommands } from './plan/index.js';
import { timetableCommands } from './timetable/index.js';
import { manifestCommands } from './manifest/index.js';
import { registryFileCommands } from './registry/index.js';
import { reportCommands } from './report/index.js';
import { retentionCommands } from './retention/index.js';
import { dpoCommands } from './dpo/index.js';
import { grievanceCommands } from './grievance/index.js';
import { arrivalCommands } from './arrival/index.js';
import { appealCommands } from './appeal/index.js';
import { consentCommands } from './consent/index.js';
import { disclosureCommands } from './disclosure/index.js';
import { procedureCommands } from './procedure/index.js';
import { messageCommands } from './message/index.js';
import { mappingCommands } from './mapping/index.js';

/** The commands in one list, one capability a line; a name appears once. */
export const commandList: readonly AnyCommand[] = [
  ...propertyCommands,
  ...webhookCommands,
  ...caseCommands,
  ...operationCommands,
  ...destinationCommands,
  ...userCommands,
  ...personCommands,
  ...dedupCommands,
  ...planCommands,
  ...allocationCommands,
  ...timetableCommands,
  ...hazardCommands,
  ...jobCommands,
  ...movementCommands,
  ...candidateCommands,
  ...checkinCommands,
  ...incidentCommands,
  ...custodyCommands,
  ...auditCommands,
  ...registryFileCommands,
  ...manifestCommands,
  ...reportCommands,
  ...retentionCommands,
  ...dpoCommands,
  ...grievanceCommands,
  ...arrivalCommands,
  ...appealCommands,
  ...consentCommands,
  ...disclosureCommands,
  ...procedureCommands,
  ...messageCommands,
  ...mappingCommands,
];

/** The commands by name. */
export const commandsByName: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.map((c) => [c.name, c]),
);
