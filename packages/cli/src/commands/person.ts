/**
 * `corridor person add|edit|remove|erase`: one person's record kept by hand (issue 22), and
 * erasure on request by destroying the person's key (crypto-shredding).
 */
import {
  addPerson,
  erasePerson,
  removePerson,
  updatePerson,
  type PersonEditOut,
} from '@corridor/commands';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;
type Erased = {
  personId: string;
  householdId: string;
  documents: number;
  final: boolean;
  finalBy: string;
  backupsHolding: { id: string; expiresAt: string }[];
};

/** `SM:2;DS` as the commands' needs input; the command's schema judges codes and severities. */
function needsOf(text: string): { code: string; severity?: unknown }[] {
  if (/^\s*(none|-)?\s*$/i.test(text)) return [];
  return text
    .split(/[;,\s]+/)
    .filter((s) => s !== '')
    .map((item) => {
      const [code = '', severity] = item.split(':');
      return {
        code: code.toUpperCase(),
        ...(severity === undefined
          ? {}
          : { severity: /^\d+$/.test(severity) ? Number(severity) : severity }),
      };
    });
}

/** The person fields given as options, under the commands' input names. */
function fieldsOf(o: Options): Record<string, unknown> {
  const text = (key: string) => (o[key] === undefined ? undefined : String(o[key]));
  const birthDate = text('birthDate');
  const fields: Record<string, unknown> = {
    givenName: text('givenName'),
    familyName: text('familyName'),
    sex: text('sex'),
    birthDate: birthDate !== undefined && /^(none|unknown)$/i.test(birthDate) ? null : birthDate,
    needs: o.needs === undefined ? undefined : needsOf(String(o.needs)),
    reason: text('reason'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const fieldOptions = (c: Command, what: string): Command =>
  c
    .option('--given-name <name>', `given name${what}`)
    .option('--family-name <name>', `family name${what}`)
    .option('--sex <code>', 'F (female), M (male) or X (another or not known)')
    .option('--birth-date <date>', 'YYYY-MM-DD, not in the future')
    .option('--needs <list>', 'specific needs, e.g. "SM:2;DS" (UNHCR codes, severity 1-3)')
    .option('--json', 'print JSON');

const edited = (verb: string) => (out: PersonEditOut) =>
  out.changed.length === 0 && verb !== 'removed from'
    ? `person ${out.personId} (case ${out.case}): nothing changed, nothing written (version ${out.version})`
    : `person ${out.personId} ${verb} case ${out.case}` +
      (out.changed.length ? `: ${out.changed.join(', ')}` : '') +
      (out.person ? `; now version ${out.version}` : '') +
      (out.duplicatePairs ? `; ${out.duplicatePairs} likely duplicate(s) queued for review` : '');

/**
 * `corridor person edit … --version N` names the record's version, which commander would take for
 * the program's own `--version`: after `person edit` it is read as `--based-on`.
 */
export function recordVersionFlag(argv: string[]): string[] {
  const at = argv.findIndex((a, i) => a === 'person' && argv[i + 1] === 'edit');
  if (at < 0) return argv;
  return argv.map((a, i) =>
    i <= at + 1
      ? a
      : a === '--version'
        ? '--based-on'
        : a.startsWith('--version=')
          ? `--based-on=${a.slice('--version='.length)}`
          : a,
  );
}

/** The stored and submitted values of a refused stale edit, one field a line. */
export function staleEditText(details: unknown): string {
  const d = details as { stored?: Record<string, unknown>; submitted?: Record<string, unknown> };
  if (!d?.stored || !d.submitted) return '';
  const show = (v: unknown) => (v === undefined ? '(hidden)' : JSON.stringify(v));
  return Object.keys(d.submitted)
    .map((f) => `  ${f}: stored ${show(d.stored![f])}, submitted ${show(d.submitted![f])}`)
    .join('\n');
}

/** Registers `corridor person`. */
export function registerPerson(program: Command): void {
  const person = program
    .command('person')
    .description("one person's record: add, correct, remove, or erase their personal data");
  bindCli<PersonEditOut>(
    fieldOptions(
      person
        .command('add')
        .description('add a person (a newborn, say) to an existing case')
        .option('--case <id>', 'the case the person joins'),
      ' (required)',
    ).option('--reason <text>', 'why (default: new member registered at the desk)'),
    addPerson,
    (_args, o) => ({ caseId: o.case, ...fieldsOf(o) }),
    edited('added to'),
  );
  bindCli<PersonEditOut>(
    fieldOptions(
      person
        .command('edit <id>')
        .description(
          'correct a person; refused with both versions shown when the record changed since the version you saw',
        )
        .option('--based-on <version>', 'the version of the record you saw (also: --version N)'),
      '',
    ).option('--reason <text>', 'why the record is corrected (required)'),
    updatePerson,
    ([id], o) => ({ id, version: o.basedOn, ...fieldsOf(o) }),
    edited('corrected in'),
  );
  bindCli<PersonEditOut & { final: boolean; finalBy: string }>(
    person
      .command('remove <id>')
      .description('remove a person added by mistake (not an erasure: see person erase)')
      .option('--reason <text>', 'why the record is removed (required)')
      .option('--json', 'print JSON')
      .option(
        '--now',
        'make the removal final on disk before printing (this command always finishes it before it ends)',
      ),
    removePerson,
    ([id], o) => ({
      id,
      now: o.now === true,
      ...(o.reason === undefined ? {} : { reason: String(o.reason) }),
    }),
    (out) => `${edited('removed from')(out)}; final on disk at ${out.finalBy}`,
    {
      // This process holds the data folder alone: it finishes the removal before it ends.
      afterLocal: async (store, removed) => {
        if (removed.final) return removed;
        await store.keys.finishErasures();
        return { ...removed, final: true, finalBy: new Date().toISOString() };
      },
    },
  );
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
