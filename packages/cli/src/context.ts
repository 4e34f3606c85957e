/** What every command shares: where the data is, who acts, how to print. */
import { userInfo } from 'node:os';
import { errors, isRole, type Role } from '@corridor/core';
import { openStore, resolveConfig, type Actor, type Store } from '@corridor/storage';
import type { Command } from 'commander';

/** Options every command understands (defined once on the program). */
export interface GlobalOptions {
  data?: string;
  json?: boolean;
  role?: string;
  actor?: string;
  server?: string;
}

/** The global options as seen from inside a subcommand. */
export function globals(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Opens the store for one command and always closes it, whatever happens. */
export async function withStore<T>(
  command: Command,
  create: boolean,
  run: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(resolveConfig({ data: globals(command).data, create }));
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

/** The person acting: --actor/CORRIDOR_ACTOR (default: the login name) in --role/CORRIDOR_ROLE (default admin). */
export function actorOf(command: Command): Actor & { role: Role } {
  const g = globals(command);
  const role = g.role ?? process.env.CORRIDOR_ROLE ?? 'admin';
  if (!isRole(role))
    throw errors.invalidInput(
      `unknown role "${role}"; roles: admin, registrar, planner, movement-officer, protection-officer, auditor`,
    );
  return { name: actorName(command), role };
}

/** The acting person's name for history and audit: --actor/CORRIDOR_ACTOR, else the login name. */
export function actorName(command: Command): string {
  let name = globals(command).actor ?? process.env.CORRIDOR_ACTOR;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'local';
    }
  }
  return `cli:${name}`;
}

/** Prints a value as one JSON document (with --json) or as text from `text`. */
export function output(command: Command, value: unknown, text: () => string): void {
  if (globals(command).json) process.stdout.write(JSON.stringify(value, null, 2) + '\n');
  else process.stdout.write(text() + '\n');
}
