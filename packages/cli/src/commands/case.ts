/** `corridor case list|show|move`: cases and their workflow. */
import { listCases, showCase, transitionCase, type CaseOut } from '@corridor/commands';
import { caseStatuses } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;
type CaseList = { total: number; cases: { id: string; status: string; persons: number }[] };
type Transition = { case: string; from: string | null; to: string };

const hidden = '(hidden)';

function memberName(m: CaseOut['members'][number]): string {
  if (m.erased) return '(erased)';
  const name = [m.pii?.givenName, m.pii?.familyName].filter(Boolean).join(' ');
  return name || hidden;
}

function caseText(h: CaseOut): string {
  const members = h.members.map((m) => [
    m.id,
    m.isHead ? 'head' : '',
    memberName(m),
    m.sex ?? hidden,
    m.birthYear ?? '',
    m.needs.map((n) => `${n.code}${n.severity}`).join(' '),
    m.documents.map((d) => `${d.type} ${d.issuer} until ${d.expiry ?? '?'}`).join('; '),
    m.mergedInto ? `merged into ${m.mergedInto}` : '',
    `v${m.version}`,
  ]);
  return [
    `case ${h.id}: ${h.status}${h.mergedInto ? ` (merged into ${h.mergedInto})` : ''}; origin ${h.originCountry}; languages ${h.languages.join(', ')}`,
    `preferences: ${h.preferences.map((p) => `${p.rank}. ${p.destinationId}`).join('  ') || 'none'}`,
    `ties: ${h.ties.map((t) => `${t.country} (${t.kind})`).join(', ') || 'none'}`,
    `links: ${h.links.map((l) => `${l.a === h.id ? l.b : l.a} (${l.kind})`).join(', ') || 'none'}`,
    '',
    table(['person', 'role', 'name', 'sex', 'born', 'needs', 'documents', '', 'version'], members),
    '',
    'history:',
    table(
      ['at', 'from', 'to', 'by', 'change', 'reason'],
      h.history.map((e) => [
        e.at.slice(0, 19),
        e.from ?? '-',
        e.to,
        `${e.actor} (${e.role})`,
        e.change ?? '',
        e.reason ?? hidden,
      ]),
    ),
    ...(h.hiddenFields.length ? ['', `hidden from your role: ${h.hiddenFields.join(', ')}`] : []),
  ].join('\n');
}

const given = (o: Options, key: string) => (o[key] === undefined ? {} : { [key]: String(o[key]) });

/** Registers `corridor case`. */
export function registerCase(program: Command): void {
  const c = program
    .command('case')
    .description('list cases, show one or move it along the workflow');
  bindCli<CaseList>(
    c
      .command('list')
      .description(
        'list cases by status, destination or origin, or find one by exact name or document',
      )
      .option('--status <status>', `one of: ${caseStatuses.join(', ')}`)
      .option('--destination <id>', 'destination in the current allocation plan')
      .option('--origin <iso3>', 'country of origin (ISO 3166 alpha-3)')
      .option('--name <full name>', 'a member’s exact full name')
      .option('--document <number>', 'a travel document number')
      .option('--limit <n>', 'how many (1–500)', '50')
      .option('--offset <n>', 'how many to skip', '0')
      .option('--json', 'print JSON'),
    listCases,
    (_args, o: Options) => ({
      ...given(o, 'status'),
      ...given(o, 'destination'),
      ...given(o, 'origin'),
      ...given(o, 'name'),
      ...given(o, 'document'),
      ...given(o, 'limit'),
      ...given(o, 'offset'),
    }),
    (list) =>
      table(
        ['case', 'status', 'persons'],
        list.cases.map((r) => [r.id, r.status, r.persons]),
      ) + `\n\n${list.cases.length} of ${list.total} case(s)`,
  );
  bindCli<CaseOut>(
    c
      .command('show <id>')
      .description('show a case: members, needs, documents, links, preferences and history')
      .option('--json', 'print JSON (as GET /api/cases/:id answers for your role)'),
    showCase,
    ([id]) => ({ id }),
    caseText,
  );
  bindCli<Transition>(
    c
      .command('move <id>')
      .description('move a case to another status (the workflow and your role must allow it)')
      .requiredOption('--to <status>', `new status: ${caseStatuses.join(', ')}`)
      .requiredOption('--reason <text>', 'why (kept in the case history)')
      .option('--json', 'print JSON'),
    transitionCase,
    ([id], o: Options) => ({ id, to: String(o.to), reason: String(o.reason) }),
    (entry) => `case ${entry.case}: ${entry.from} -> ${entry.to}`,
  );
}
