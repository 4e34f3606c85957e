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
    .action(async (id: string, _opts, command: Command) => {
      const erased = await withStore(command, false, (store) =>
        store.registry.erasePerson(id, actorOf(command)),
      );
      output(
        command,
        erased,
        () =>
          `person ${erased.personId} (case ${erased.householdId}): personal data erased, ${erased.documents} documents unreadable`,
      );
    });
}
