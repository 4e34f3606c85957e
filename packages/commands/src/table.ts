/** Every command, by name: the table the interfaces bind and the tests walk. */
import type { AnyCommand } from './define.js';
import { propertyCommands } from './property/index.js';
import { webhookCommands } from './webhook/index.js';

/** The commands in one list, one capability a line; a name appears once. */
export const commandList: readonly AnyCommand[] = [...propertyCommands, ...webhookCommands];

/** The commands by name. */
export const commandsByName: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.map((c) => [c.name, c]),
);
