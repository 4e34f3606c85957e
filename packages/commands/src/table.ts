/** Every command, by name: the table the interfaces bind and the tests walk. */
import { auditCommands } from './audit/index.js';
import { checkinCommands } from './checkin/index.js';
import { custodyCommands } from './custody/index.js';
import type { AnyCommand } from './define.js';
import { incidentCommands } from './incident/index.js';
import { movementCommands } from './movement/index.js';
import { propertyCommands } from './property/index.js';

/** The commands in one list, one capability a line; a name appears once. */
export const commandList: readonly AnyCommand[] = [
  ...propertyCommands,
  ...movementCommands,
  ...checkinCommands,
  ...incidentCommands,
  ...custodyCommands,
  ...auditCommands,
];

/** The commands by name. */
export const commandsByName: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.map((c) => [c.name, c]),
);
