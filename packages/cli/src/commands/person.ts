/** `corridor person erase`: erasure on request by destroying the person's key (crypto-shredding). */
import { erasePerson } from '@corridor/commands';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

type Erased = {
  personId: string;
  householdId: string;
  documents: number;
  final: boolean;
  finalBy: string;
  backupsHolding: { id: string; expiresAt: string }[];
};

/** Registers `corridor person`. */
export function registerPerson(program: Command): void {
  const person = program.command('person').description("a person's personal data");
  bindCli<Erased>(
    person
      .command('erase <id>')
      .description(
        "erase a person's personal data for good (admin, protection-officer): their key is destroyed, counts and plans stay",
      )
      .option('--json', 'print JSON')
      .option(
        '--now',
        'make the erasure final on disk before printing (this command always finishes it before it ends)',
      ),
    erasePerson,
    ([id], o) => ({ id, now: o.now === true }),
    (erased) => {
      const held = erased.backupsHolding.map((b) => `${b.id} (until ${b.expiresAt})`);
      return (
        `person ${erased.personId} (case ${erased.householdId}): personal data erased, ${erased.documents} documents unreadable; ` +
        `final on disk at ${erased.finalBy}` +
        (held.length > 0
          ? `; backups that still hold them until they expire: ${held.join(', ')}`
          : '')
      );
    },
    {
      // This process holds the data folder alone: it finishes the erasure before it ends.
      afterLocal: async (store, erased) => {
        if (erased.final) return erased;
        await store.keys.finishErasures();
        return { ...erased, final: true, finalBy: new Date().toISOString() };
      },
    },
  );
}
