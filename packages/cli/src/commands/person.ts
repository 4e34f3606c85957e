/** `corridor person erase`: erasure on request by destroying the person's key (crypto-shredding). */
import { erasePerson } from '@corridor/commands';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

type Erased = { personId: string; householdId: string; documents: number };

/** Registers `corridor person`. */
export function registerPerson(program: Command): void {
  const person = program.command('person').description("a person's personal data");
  bindCli<Erased>(
    person
      .command('erase <id>')
      .description(
        "erase a person's personal data for good (admin, protection-officer): their key is destroyed, counts and plans stay",
      )
      .option('--json', 'print JSON'),
    erasePerson,
    ([id]) => ({ id }),
    (erased) =>
      `person ${erased.personId} (case ${erased.householdId}): personal data erased, ${erased.documents} documents unreadable`,
  );
}
