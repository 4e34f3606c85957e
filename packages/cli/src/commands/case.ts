/** `corridor case show|move`: one case and its workflow. */
import { caseStatuses, errors, isCaseStatus } from '@corridor/core';
import type { HouseholdView } from '@corridor/storage';
import type { Command } from 'commander';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';

function caseText(h: HouseholdView): string {
  const members = h.members.map((m) => [
    m.id,
    m.isHead ? 'head' : '',
    m.pii ? `${m.pii.givenName} ${m.pii.familyName}` : '(erased)',
    m.sex,
    m.birthYear ?? '',
    m.needs.map((n) => `${n.code}${n.severity}`).join(' '),
    m.documents.map((d) => `${d.type} ${d.issuer} until ${d.expiry ?? '?'}`).join('; '),
    m.mergedInto ? `merged into ${m.mergedInto}` : '',
  ]);
  return [
    `case ${h.id}: ${h.status}${h.mergedInto ? ` (merged into ${h.mergedInto})` : ''}; origin ${h.originCountry}; languages ${h.languages.join(', ')}`,
    `preferences: ${h.preferences.map((p) => `${p.rank}. ${p.destinationId}`).join('  ') || 'none'}`,
    `ties: ${h.ties.map((t) => `${t.country} (${t.kind})`).join(', ') || 'none'}`,
    `links: ${h.links.map((l) => `${l.a === h.id ? l.b : l.a} (${l.kind})`).join(', ') || 'none'}`,
    '',
    table(['person', 'role', 'name', 'sex', 'born', 'needs', 'documents', ''], members),
    '',
    'history:',
    table(
      ['at', 'from', 'to', 'by', 'reason'],
      h.history.map((e) => [
        e.at.slice(0, 19),
        e.from ?? '-',
        e.to,
        `${e.actor} (${e.role})`,
        e.reason,
      ]),
    ),
  ].join('\n');
}

/** Registers `corridor case`. */
export function registerCase(program: Command): void {
  const c = program.command('case').description('show a case or move it along the workflow');
  c.command('show <id>')
    .description('show a case: members, needs, documents, links, preferences and history')
    .option('--json', 'print JSON')
    .action(async (id: string, _opts, command: Command) => {
      const h = await withStore(command, false, (store) => store.registry.household(id));
      if (!h) throw errors.notFound('case', id);
      output(command, h, () => caseText(h));
    });
  c.command('move <id>')
    .description('move a case to another status (the workflow and your role must allow it)')
    .requiredOption('--to <status>', `new status: ${caseStatuses.join(', ')}`)
    .requiredOption('--reason <text>', 'why (kept in the case history)')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { to: string; reason: string }, command: Command) => {
      if (!isCaseStatus(opts.to))
        throw errors.invalidInput(
          `unknown status "${opts.to}"; statuses: ${caseStatuses.join(', ')}`,
        );
      const to = opts.to;
      const entry = await withStore(command, false, (store) =>
        store.registry.moveCase(id, to, opts.reason, actorOf(command)),
      );
      output(command, { case: id, ...entry }, () => `case ${id}: ${entry.from} -> ${entry.to}`);
    });
}
