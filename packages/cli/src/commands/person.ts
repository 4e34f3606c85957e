/** `corridor person erase`: erasure on request by destroying the person's key (crypto-shredding). */
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';

/** Registers `corridor person`. */
export function registerPerson(program: Command): void {
  const person = program.command('person').description("a person's personal data");
  person
    .command('erase <id>')
    .description(
      "erase a person's personal data for good (admin, protection-officer): their key is destroyed, counts and plans stay",
    )
    .option('--json', 'print JSON')
    .option(
      '--now',
      'make the erasure final on disk before printing (this command always finishes it before it ends)',
    )
    .action(async (id: string, opts: { now?: boolean }, command: Command) => {
      const result = await withStore(command, false, (store) =>
        store.registry.erasePerson(id, actorOf(command), { now: opts.now === true }),
      );
      // Closing the data finished the erasure batch (the key generation is destroyed).
      const erased = result.final
        ? result
        : { ...result, final: true, finalBy: new Date().toISOString() };
      const held = erased.backupsHolding.map((b) => `${b.id} (until ${b.expiresAt})`);
      output(
        command,
        erased,
        () =>
          `person ${erased.personId} (case ${erased.householdId}): personal data erased, ${erased.documents} documents unreadable; final on disk at ${erased.finalBy}` +
          (held.length > 0
            ? `; backups that still hold them until they expire: ${held.join(', ')}`
            : ''),
      );
    });
}
