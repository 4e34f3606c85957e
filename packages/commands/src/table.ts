/** Every command, by name: the table the interfaces bind and the tests walk. */
import type { AnyCommand } from './define.js';
import { custodyCommands } from './custody/index.js';
import { manifestCommands } from './manifest/index.js';
import { propertyCommands } from './property/index.js';
import { registryFileCommands } from './registry/index.js';
import { reportCommands } from './report/index.js';

/** The commands in one list, one capability a line; a name appears once. */
export const commandList: readonly AnyCommand[] = [
  ...propertyCommands,
  ...registryFileCommands,
  ...manifestCommands,
  ...reportCommands,
  ...custodyCommands,
];

/** The commands by name. */
export const commandsByName: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.map((c) => [c.name, c]),
);
