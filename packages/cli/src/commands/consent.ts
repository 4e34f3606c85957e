/**
 * `corridor consent record|list` and `corridor disclosure list`: consent per person and purpose,
 * and the log of what personal data left the system (issue 20 item 4).
 */
import {
  declareBasis,
  listBases,
  listConsent,
  listDisclosures,
  recordConsent,
  type ConsentListOut,
  type ConsentOut,
  type DisclosureOut,
  type LawfulBasisOut,
} from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

type Options = Record<string, unknown>;

/** The one decision flag given (--given, --refused or --withdrawn); refused when not exactly one. */
function decisionOf(o: Options): string {
  const given = (['given', 'refused', 'withdrawn'] as const).filter((d) => o[d] === true);
  if (given.length !== 1)
    throw errors.invalidInput(
      'invalid input for consent.record at decision: give exactly one of --given, --refused, --withdrawn',
    );
  return given[0]!;
}

/** The options that were given, under the command's input names. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const historyText = (rows: ConsentOut[]) =>
  table(
    ['date', 'person', 'purpose', 'state', 'decision', 'recorded by', 'note'],
    rows.map((r) => [
      r.date,
      r.personId,
      r.purpose,
      r.state ?? '',
      r.decision,
      r.actor,
      r.note === null ? '' : r.note,
    ]),
  );

/** Registers `corridor consent` and `corridor disclosure`. */
export function registerConsent(program: Command): void {
  const consent = program
    .command('consent')
    .description(
      'consent per person and purpose: registration, referral, carrier-sharing, messages',
    );
  bindCli<{ case: string; recorded: ConsentOut[] }>(
    consent
      .command('record')
      .description("record a case's (or one member's) consent for a purpose")
      .option('--case <id>', 'the case (required)')
      .option('--person <id>', 'one member only (default: every member of the case)')
      .option('--purpose <purpose>', 'registration, referral, carrier-sharing or messages')
      .option('--state <code>', 'destination state of a referral (ISO 3166-1 alpha-3, e.g. DEU)')
      .option('--given', 'consent given')
      .option('--refused', 'consent refused')
      .option('--withdrawn', 'consent withdrawn')
      .option('--date <date>', 'YYYY-MM-DD the person decided (default: today)')
      .option('--note <text>', 'a note, sealed under each person’s key')
      .option('--json', 'print JSON'),
    recordConsent,
    (_args, o) =>
      present({
        caseId: o.case,
        personId: o.person,
        purpose: o.purpose,
        state: typeof o.state === 'string' ? o.state.toUpperCase() : undefined,
        decision: decisionOf(o),
        date: o.date,
        note: o.note,
      }),
    (out) => {
      const first = out.recorded[0];
      const what = first?.state ? `${first.purpose} to ${first.state}` : (first?.purpose ?? '');
      return `case ${out.case}: ${what} ${first?.decision ?? ''} recorded for ${out.recorded.length} person(s) on ${first?.date ?? ''}`;
    },
  );
  bindCli<ConsentListOut>(
    consent
      .command('list')
      .description(
        "where a case's consents stand: the current decision per member and purpose, and the history",
      )
      .option('--case <id>', 'the case (required)')
      .option('--person <id>', 'one member only')
      .option('--json', 'print JSON'),
    listConsent,
    (_args, o) => present({ caseId: o.case, personId: o.person }),
    (out) =>
      [
        `case ${out.case}: current decisions`,
        table(
          ['person', 'purpose', 'state', 'decision', 'date', 'recorded by'],
          out.persons.flatMap((p) =>
            p.current.map((c) => [
              p.personId,
              c.purpose,
              c.state ?? '',
              c.decision,
              c.date ?? '',
              c.actor ?? '',
            ]),
          ),
        ),
        '',
        `history (${out.history.length} records, oldest first)`,
        historyText(out.history),
        ...out.bases.map(
          (b) =>
            `operation basis: ${b.purpose}${b.state ? ` to ${b.state}` : ''} ${b.basis} (${b.recordedAt.slice(0, 10)}, ${b.actor}): ${b.reason}`,
        ),
      ].join('\n'),
  );
  bindCli<{ basis: LawfulBasisOut }>(
    consent
      .command('basis')
      .description(
        'declare the operation’s lawful basis for a purpose: --vital-interests, or --consent to ask each person again',
      )
      .option('--purpose <purpose>', 'registration, referral, carrier-sharing or messages')
      .option('--state <code>', 'destination state of a referral (ISO 3166-1 alpha-3)')
      .option('--vital-interests', 'vital interests: no per-person consent needed for this purpose')
      .option('--consent', 'each person’s consent (the default)')
      .option('--reason <text>', 'why, about the operation (never about a person)')
      .option('--json', 'print JSON'),
    declareBasis,
    (_args, o) => {
      if (Boolean(o.vitalInterests) === Boolean(o.consent))
        throw errors.invalidInput(
          'invalid input for consent.basis at basis: give exactly one of --vital-interests, --consent',
        );
      return present({
        purpose: o.purpose,
        state: typeof o.state === 'string' ? o.state.toUpperCase() : undefined,
        basis: o.vitalInterests ? 'vital-interests' : 'consent',
        reason: o.reason,
      });
    },
    ({ basis: b }) =>
      `${b.purpose}${b.state ? ` to ${b.state}` : ''}: basis ${b.basis} from ${b.recordedAt.slice(0, 16)}, declared by ${b.actor}`,
  );

  bindCli<{ bases: LawfulBasisOut[] }>(
    consent
      .command('bases')
      .description(
        'every lawful-basis declaration of the operation, oldest first; the latest per purpose counts (as GET /api/consent/bases)',
      )
      .option('--json', 'print JSON'),
    listBases,
    () => ({}),
    ({ bases }) =>
      bases.length === 0
        ? 'no declaration: every purpose asks each person for consent'
        : bases
            .map(
              (b) =>
                `${b.recordedAt.slice(0, 16)} ${b.purpose}${b.state ? ` to ${b.state}` : ''}: ${b.basis}, declared by ${b.actor}: ${b.reason}`,
            )
            .join('\n'),
  );

  const disclosure = program
    .command('disclosure')
    .description('the disclosure log: what personal data left the system, when, to whom');
  bindCli<{ disclosures: DisclosureOut[] }>(
    disclosure
      .command('list')
      .description('list disclosures, newest first (manifests, PAXLST, exports, custody records)')
      .option('--case <id>', 'only those carrying members of this case')
      .option('--person <id>', 'only those carrying this person')
      .option(
        '--kind <kind>',
        'manifest, paxlst, registry-export, custody-record, webhook or message',
      )
      .option('--from <date>', 'from this day (YYYY-MM-DD)')
      .option('--to <date>', 'up to this day (YYYY-MM-DD, inclusive)')
      .option('--limit <n>', 'at most this many (default 500)')
      .option('--json', 'print JSON'),
    listDisclosures,
    (_args, o) =>
      present({
        caseId: o.case,
        personId: o.person,
        kind: o.kind,
        from: o.from,
        to: o.to,
        limit: o.limit,
      }),
    (out) =>
      out.disclosures.length === 0
        ? 'no disclosures logged'
        : table(
            ['at', 'kind', 'format', 'subject', 'recipient', 'by', 'persons'],
            out.disclosures.map((d) => [
              d.at.slice(0, 19),
              d.kind,
              d.format ?? '',
              d.subject ?? '',
              d.recipient,
              `${d.actor} (${d.role})`,
              d.persons,
            ]),
          ),
  );
}
