/** Writes one line of the disclosure log from inside the disclosing command's transaction. */
import type { DisclosureInput } from '@corridor/storage';
import type { CommandContext } from '../context.js';

/** Who received a file a user downloaded: the user, by name (which says the interface) and role. */
export function downloadRecipient(ctx: Pick<CommandContext, 'actor'>): string {
  return `download by ${ctx.actor.name} (${ctx.actor.role})`;
}

/** Logs that `entry` left the system now, by the command's actor; returns the log line's id. */
export function logDisclosure(ctx: CommandContext, entry: DisclosureInput): Promise<string> {
  return ctx.store.consent.logDisclosure(entry, ctx.actor, ctx.now);
}
