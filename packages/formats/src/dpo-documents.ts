/**
 * The data-protection officer's documents as Markdown: the records of processing activities (GDPR
 * Art. 30) and a DPIA draft (Art. 35), drawn from the operation's settings and counts only.
 */
import {
  fieldPolicy,
  permissionsOf,
  personFields,
  processingPurposes,
  retentionCategoryInfo,
  roles,
  specificNeeds,
  type ProcessingFacts,
} from '@corridor/core';

/** A table cell: no pipes or line breaks from the data can break the table. */
const cell = (v: unknown) => String(v).replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function table(head: string[], rows: unknown[][]): string {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const list = (items: readonly string[], none = 'none recorded') =>
  items.length ? items.map((i) => `- ${cell(i)}`).join('\n') : `- ${none}`;

function controller(f: ProcessingFacts, today: string): string {
  const op = f.operation;
  return [
    op
      ? `Operation **${cell(op.name)}**: relocation from ${cell(op.campName)} (${cell(op.campCountry)}) through ${cell(op.airportCode)}, ${op.windowStart} to ${op.windowEnd}${op.isDemo ? ' — **demo data (synthetic)**' : ''}.`
      : 'No operation is loaded.',
    '',
    `Drawn up by Corridor on ${today} from the operation’s settings; figures are counts, no person’s data.`,
    '',
    'Controller, joint controllers, representative and DPO contact: _to be completed by the DPO._',
  ].join('\n');
}

function categories(f: ProcessingFacts): string {
  const needs = Object.entries(f.needs).map(
    ([code, n]) =>
      `${code} (${specificNeeds[code as keyof typeof specificNeeds] ?? 'specific need'}): ${n} persons`,
  );
  return [
    '### Data subjects',
    '',
    list([
      `Residents of the camp registered for relocation: ${f.persons} persons in ${f.cases} cases (${f.erasedPersons} erased; they still count, their data is unreadable)`,
      'Children, older persons at risk and persons with disabilities among them (UNHCR specific needs)',
      `Victims and witnesses named in incident narratives: ${f.incidentNarratives} narratives`,
      `Staff users: ${
        Object.entries(f.users)
          .map(([r, n]) => `${n} ${r}`)
          .join(', ') || 'none'
      }`,
    ]),
    '',
    '### Categories of personal data',
    '',
    list(personFields.map((p) => p)),
    '',
    `Travel documents: ${f.documents}. Check-in records: ${f.checkinRecords}. Belongings in custody: ${f.belongings}.`,
    '',
    '### Special categories (Art. 9) and vulnerable persons',
    '',
    list(needs, 'no specific needs recorded'),
  ].join('\n');
}

function recipients(f: ProcessingFacts): string {
  return [
    '### Recipients',
    '',
    list([
      ...f.destinations.map(
        (d) => `Destination state ${d.country}: ${d.name} (referral, manifests)`,
      ),
      ...f.carriers.map((c) => `Carrier ${c} (passenger manifests, PAXLST)`),
      ...f.webhookHosts.map(
        (h) => `Partner system at ${h} (webhook events: ids and counts, no personal data)`,
      ),
    ]),
    '',
    '### Transfers to third countries or international organisations',
    '',
    f.destinations.length
      ? table(
          ['country', 'recipient', 'safeguard (Art. 46 / 49)'],
          f.destinations.map((d) => [d.country, d.name, '_to be completed by the DPO_']),
        )
      : 'None recorded.',
  ].join('\n');
}

function retention(f: ProcessingFacts): string {
  return [
    table(
      ['category', 'kept', 'counted from', 'then', 'what it holds'],
      f.retention.map((r) => [
        r.category,
        `${r.days} days${r.isDefault ? ' (default)' : ''}`,
        r.after,
        retentionCategoryInfo[r.category].action === 'shred'
          ? 'shredded by the daily job'
          : 'reported',
        retentionCategoryInfo[r.category].what,
      ]),
    ),
    '',
    `Backups expire after ${f.backupRetentionDays ?? 'the configured number of'} days (${f.backups} recorded). Active legal holds: ${f.activeLegalHolds} (the job skips them; erasure is refused while they last).`,
  ].join('\n');
}

function security(f: ProcessingFacts): string {
  return list([
    'Personal data encrypted at rest (AES-256-GCM) under a data key per person; free text sealed under the keys of the persons it concerns',
    `Data keys wrapped by a key-encryption key of generation ${f.keyGeneration}, kept outside the database; erasure destroys the person’s key and rotates the generation (NIST SP 800-88 cryptographic erase); removals and retention shredding are made final the same way (per-item secrets destroyed with the generation); ${f.pendingErasures} erasures, removals or shreddings waiting for their rotation`,
    'Blind indexes (HMAC) for exact search without decrypting',
    'Passwords hashed with argon2id; sessions expire; failed logins slowed per account and address',
    'Audit log hash-chained under a key outside the database; its head can be anchored outside',
    'Role-based access to every command, and per-field redaction by role (table below)',
    'Backups encrypted with a key per backup, sealed under the master key',
  ]);
}

function access(): string {
  return table(
    ['role', 'commands allowed', 'personal fields seen'],
    roles.map((role) => [
      role,
      permissionsOf(role).length,
      personFields.filter((p) => fieldPolicy[p].includes(role)).join(', ') || 'none',
    ]),
  );
}

/** The records of processing activities (GDPR Art. 30(1)) as Markdown. */
export function ropaMarkdown(f: ProcessingFacts, today: string): string {
  return [
    '# Records of processing activities (GDPR Art. 30)',
    '',
    controller(f, today),
    '',
    '## Purposes of the processing',
    '',
    table(
      ['purpose', 'personal data', 'lawful basis (to confirm)'],
      processingPurposes.map((p) => [p.purpose, p.data, p.basis]),
    ),
    '',
    '## Categories of data subjects and of personal data',
    '',
    categories(f),
    '',
    '## Recipients and transfers',
    '',
    recipients(f),
    '',
    '## Time limits for erasure',
    '',
    retention(f),
    '',
    '## Technical and organisational security measures (Art. 32)',
    '',
    security(f),
    '',
    '### Access by role',
    '',
    access(),
    '',
  ].join('\n');
}

/** A data-protection impact assessment draft (GDPR Art. 35) as Markdown, for the DPO to complete. */
export function dpiaMarkdown(f: ProcessingFacts, today: string): string {
  return [
    '# Data protection impact assessment — draft (GDPR Art. 35)',
    '',
    controller(f, today),
    '',
    '## 1. Description of the processing',
    '',
    table(
      ['purpose', 'personal data'],
      processingPurposes.map((p) => [p.purpose, p.data]),
    ),
    '',
    categories(f),
    '',
    recipients(f),
    '',
    '## 2. Necessity and proportionality',
    '',
    list([
      'Data minimisation: each role sees only the fields its work needs (see access by role); auditors see no personal data',
      'Storage limitation: retention schedules below, applied daily by the retention job',
      'Erasure on request by destroying the person’s key; aggregates remain',
      'Lawful basis, consent and information to the persons: _to be completed by the DPO_',
    ]),
    '',
    retention(f),
    '',
    '## 3. Risks to the rights and freedoms of the persons',
    '',
    table(
      ['risk', 'source', 'likelihood / severity (to assess)'],
      [
        [
          'Identification of residents by hostile actors if data is seized or leaked',
          'device or database copy, backups',
          '_to assess_',
        ],
        [
          'Disclosure of protection needs or narratives to the wrong staff',
          'excess access',
          '_to assess_',
        ],
        [
          'Onward use by destination states or carriers beyond the purpose',
          'manifests, referrals',
          '_to assess_',
        ],
        [
          'Erased data recovered from disk, logs or backups',
          'dead rows, write-ahead log, unexpired backups',
          '_to assess_',
        ],
        [
          'Data kept longer than needed',
          'retention not applied, legal holds not released',
          '_to assess_',
        ],
      ],
    ),
    '',
    '## 4. Measures envisaged to address the risks',
    '',
    security(f),
    '',
    access(),
    '',
    '## 5. Residual risks and limits stated by Corridor',
    '',
    list([
      'Shredding by retention deletes rows; copies may stay in the database’s write-ahead log until its segments are recycled, under keys that still live (docs/retention.md)',
      'Audit metadata is kept for the whole period: pruning the hash chain is not built',
      'Backup files are outside Corridor: the operator deletes them when they expire',
    ]),
    '',
    '## 6. DPO advice and sign-off',
    '',
    '_To be completed._',
    '',
  ].join('\n');
}
