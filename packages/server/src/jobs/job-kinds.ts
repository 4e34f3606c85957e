/** The kinds of job the server runs: each is a long command of `@corridor/commands`. */
import { commandList, type AnyCommand } from '@corridor/commands';

/** The long commands by the job kind they are queued as (`allocate`, `schedule`, `replan`). */
export const longCommands: ReadonlyMap<string, AnyCommand> = new Map(
  commandList.flatMap((c) => (c.job ? [[c.job.kind, c] as const] : [])),
);

/** The kinds, for schemas and documents. */
export const jobKinds: readonly string[] = [...longCommands.keys()];

/** The long command a stored kind runs, or undefined for a kind this server does not know. */
export function commandOfKind(kind: string): AnyCommand | undefined {
  return longCommands.get(kind);
}

/** The actor a server's own schedule queues a `scheduled` kind as (`system:retention`). */
export function scheduledActor(kind: string): { name: string; role: 'admin' } {
  return { name: `system:${kind}`, role: 'admin' };
}
