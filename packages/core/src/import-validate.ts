/**
 * Validates a registry file row by row, then as a whole against what the database holds, and
 * turns it into the records to write. Pure: the caller streams rows in and supplies the context.
 */
import { fieldSpec, type ImportField } from './import-columns.js';
import type { ColumnLayout, ImportProblem, ImportWarning } from './import-layout.js';
import {
  readCountry,
  readDocumentType,
  readId,
  readInt,
  readIsoDate,
  readLanguages,
  readLinks,
  readNeeds,
  readPreferences,
  readSex,
  readStatus,
  readTies,
  readYesNo,
  readConsentCell,
  type Reading,
} from './import-values.js';
import { EmailSchema } from './messages.js';
import { parseTd3 } from './mrz.js';
import type { NeedCode } from './needs.js';
import type { CaseLink, Document, Household, Need, Person, Preference, Tie } from './schemas.js';
import type { ConsentDecision } from './consent-words.js';
import type { Iso3, IsoDate } from './units.js';
import type { CaseStatus } from './workflow.js';

/** A household the database already holds, as far as validation needs it. */
export interface ExistingHousehold {
  status: CaseStatus;
  originCountry: string;
  languages: string[];
  readyDate: string | null;
  priority: number;
  /** Ids of its head(s) of household. */
  heads: readonly string[];
  /** Destination ids in order of preference. */
  preferences: readonly string[];
  /** Ties as `COUNTRY:kind`, sorted. */
  ties: readonly string[];
}

/** What the database holds that a file may refer to or collide with. */
export interface ImportContext {
  households: ReadonlyMap<string, ExistingHousehold>;
  /** Person id → household id. */
  persons: ReadonlyMap<string, string>;
  /** Document id → person id. */
  documents: ReadonlyMap<string, string>;
  /** Existing links by `linkKey`. */
  links: ReadonlySet<string>;
  destinations: ReadonlySet<string>;
}

/** The context of an empty database. */
export const emptyImportContext: ImportContext = {
  households: new Map(),
  persons: new Map(),
  documents: new Map(),
  links: new Set(),
  destinations: new Set(),
};

/** One key per link whichever way round it was written. */
export function linkKey(link: CaseLink): string {
  const [a, b] = link.a < link.b ? [link.a, link.b] : [link.b, link.a];
  return `${a}|${b}|${link.kind}`;
}

/** A household to create or update. */
export interface PlannedHousehold {
  household: Household;
  isNew: boolean;
  /** For an existing household: the fields the file changes. */
  changed: string[];
  row: number;
}

/** A person row turned into records. */
export interface PlannedPerson {
  row: number;
  person: Person;
  needs: Need[];
  document: Document | null;
  /** Consents the file records for the person (registration, messages); the date null: the import's day. */
  consents?: {
    purpose: 'registration' | 'messages';
    decision: ConsentDecision;
    date: IsoDate | null;
  }[];
}

/** Everything a valid file asks to write, and every problem and warning found. */
export interface ImportPlan {
  kind: ColumnLayout['kind'];
  /** Data rows read (blank rows are skipped and not counted). */
  rows: number;
  households: PlannedHousehold[];
  persons: PlannedPerson[];
  /** Links not yet in the database. */
  links: CaseLink[];
  /** Households whose ties the file replaces. */
  ties: { householdId: string; ties: Tie[] }[];
  /** Households whose preferences the file replaces. */
  preferences: { householdId: string; preferences: Preference[] }[];
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

type HouseholdField =
  | 'origin_country'
  | 'languages'
  | 'household_status'
  | 'ready_date'
  | 'priority'
  | 'linked_cases'
  | 'preferences'
  | 'ties';

const householdFields: readonly HouseholdField[] = [
  'origin_country',
  'languages',
  'household_status',
  'ready_date',
  'priority',
  'linked_cases',
  'preferences',
  'ties',
];

interface HouseholdDraft {
  id: string;
  row: number;
  values: Map<HouseholdField, { value: unknown; text: string; row: number }>;
  persons: PersonDraft[];
  /** Household columns with a refused value, and whether a person row was refused: later checks skip what these already explain. */
  invalid: Set<HouseholdField>;
  refusedRows: number;
}

interface PersonDraft {
  row: number;
  id: string;
  householdId: string;
  isHead: boolean | null;
  person: Person;
  needs: { code: NeedCode; severity: number }[];
  document: Document | null;
  consents?: PlannedPerson['consents'];
}

const readers: Record<HouseholdField, (text: string) => Reading<unknown>> = {
  origin_country: (t) => readCountry(t, true),
  languages: readLanguages,
  household_status: readStatus,
  ready_date: readIsoDate,
  priority: (t) => readInt(t, 0, 3),
  linked_cases: readLinks,
  preferences: readPreferences,
  ties: readTies,
};

/** Validates rows as they stream in; `finish` checks the whole against the database's context. */
export class ImportValidator {
  private readonly index = new Map<ImportField, number>();
  private readonly households = new Map<string, HouseholdDraft>();
  private readonly personRows = new Map<string, number>();
  private readonly documentRows = new Map<string, number>();
  private readonly problems: ImportProblem[] = [];
  private rowCount = 0;

  constructor(
    private readonly layout: ColumnLayout,
    problems: readonly ImportProblem[] = [],
    private readonly warnings: ImportWarning[] = [],
  ) {
    layout.fields.forEach((f, k) => f && this.index.set(f, k));
    this.problems.push(...problems);
  }

  /** Rows read so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** The problems found so far. */
  get problemCount(): number {
    return this.problems.length;
  }

  private label(field: ImportField): string {
    const k = this.index.get(field);
    return k === undefined ? field : (this.layout.labels[k] ?? field);
  }

  private problem(row: number, field: ImportField, text: string, reason: string): void {
    const value = fieldSpec(field).pii && text !== '' ? '<redacted>' : text.slice(0, 80);
    this.problems.push({ row, column: this.label(field), value, reason });
  }

  /** Validates one row as the spreadsheet numbers it; blank rows are skipped. */
  add(row: number, cells: readonly string[]): void {
    if (cells.every((c) => c.trim() === '')) return;
    this.rowCount++;
    const get = (f: ImportField): string => {
      const k = this.index.get(f);
      return k === undefined ? '' : (cells[k] ?? '').trim();
    };
    const householdId = get('household_id');
    const id =
      householdId === '' ? { ok: false as const, reason: 'is required' } : readId(householdId);
    if (!id.ok) this.problem(row, 'household_id', householdId, id.reason);
    // A row without a valid household id is still checked, against a household of its own.
    const draft: HouseholdDraft = id.ok
      ? this.householdDraft(householdId, row)
      : {
          id: householdId,
          row,
          values: new Map(),
          persons: [],
          invalid: new Set(),
          refusedRows: 0,
        };
    for (const f of householdFields) {
      const text = get(f);
      if (text === '') continue;
      // Exports repeat household columns on every row: the same text needs no second reading.
      if (draft.values.get(f)?.text === text) continue;
      const r = readers[f](text);
      if (!r.ok) {
        this.problem(row, f, text, r.reason);
        draft.invalid.add(f);
        continue;
      }
      const canonical = JSON.stringify(r.value);
      const earlier = draft.values.get(f);
      if (earlier && JSON.stringify(earlier.value) !== canonical) {
        this.problem(row, f, text, `differs from row ${earlier.row} of household ${householdId}`);
        continue;
      }
      if (!earlier) draft.values.set(f, { value: r.value, text, row });
    }
    if (this.layout.kind === 'persons') this.addPerson(row, draft, get);
    else if (draft.row !== row)
      this.problem(row, 'household_id', householdId, `is also on row ${draft.row}`);
  }

  private householdDraft(id: string, row: number): HouseholdDraft {
    let draft = this.households.get(id);
    if (!draft) {
      draft = { id, row, values: new Map(), persons: [], invalid: new Set(), refusedRows: 0 };
      this.households.set(id, draft);
    }
    return draft;
  }

  private addPerson(row: number, household: HouseholdDraft, get: (f: ImportField) => string): void {
    const before = this.problems.length;
    const required = (f: ImportField): string => {
      const v = get(f);
      if (v === '') this.problem(row, f, '', 'is required');
      return v;
    };
    const read = <T>(f: ImportField, reader: (t: string) => Reading<T>): T | undefined => {
      const text = get(f);
      if (text === '') return undefined;
      const r = reader(text);
      if (!r.ok) this.problem(row, f, text, r.reason);
      return r.ok ? r.value : undefined;
    };
    const personId = required('person_id');
    if (personId !== '') {
      const idOk = readId(personId);
      if (!idOk.ok) this.problem(row, 'person_id', personId, idOk.reason);
      const earlier = this.personRows.get(personId);
      if (earlier !== undefined)
        this.problem(row, 'person_id', personId, `is also on row ${earlier}`);
      else this.personRows.set(personId, row);
    }
    let given: string;
    let family: string;
    if (this.index.has('full_name')) {
      const full = required('full_name').replace(/\s+/g, ' ');
      const cut = full.lastIndexOf(' ');
      if (full !== '' && cut < 0)
        this.problem(row, 'full_name', full, 'has one word; give given_name and family_name');
      given = full.slice(0, Math.max(cut, 0));
      family = full.slice(cut + 1);
    } else {
      given = required('given_name');
      family = required('family_name');
    }
    for (const [f, v] of [
      ['given_name', given],
      ['family_name', family],
    ] as const)
      if (v.length > 200) this.problem(row, f, v, 'is longer than 200 characters');
    const sexText = required('sex');
    const sex = sexText === '' ? undefined : read('sex', readSex);
    const birthDate = read('birth_date', readIsoDate) ?? null;
    let birthYear = read('birth_year', (t) => readInt(t, 1900, 2100)) ?? null;
    if (birthDate) {
      const year = Number(birthDate.slice(0, 4));
      if (birthYear !== null && birthYear !== year)
        this.problem(row, 'birth_year', get('birth_year'), 'differs from the year of birth_date');
      birthYear = year;
      if (year < 1900 || birthDate > '2100-01-01')
        this.problem(row, 'birth_date', get('birth_date'), 'is not a plausible birth date');
    }
    const isHead = read('is_head', readYesNo) ?? null;
    const needs = read('needs', readNeeds) ?? [];
    const phone = get('phone');
    if (phone.length > 50) this.problem(row, 'phone', phone, 'is longer than 50 characters');
    const email = get('email');
    if (email && !EmailSchema.safeParse(email).success)
      this.problem(row, 'email', email, 'is not an e-mail address');
    const note = get('protection_note');
    if (note.length > 4000)
      this.problem(row, 'protection_note', note, 'is longer than 4000 characters');
    const document = this.readDocument(row, personId, get, birthDate);
    const consents: NonNullable<PlannedPerson['consents']> = [];
    for (const [field, purpose] of [
      ['consent_registration', 'registration'],
      ['consent_messages', 'messages'],
    ] as const) {
      const consent = read(field, readConsentCell);
      if (consent) consents.push({ purpose, ...consent });
    }
    if (this.problems.length > before || !sex) {
      household.refusedRows++;
      return;
    }
    household.persons.push({
      row,
      id: personId,
      householdId: household.id,
      isHead,
      needs,
      document,
      ...(consents.length ? { consents } : {}),
      person: {
        id: personId,
        householdId: household.id,
        isHead: false,
        sex,
        birthYear,
        pii: {
          givenName: given,
          familyName: family,
          birthDate,
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          ...(note ? { protectionNote: note } : {}),
        },
      },
    });
  }

  private readDocument(
    row: number,
    personId: string,
    get: (f: ImportField) => string,
    birthDate: IsoDate | null,
  ): Document | null {
    const docFields: ImportField[] = [
      'document_id',
      'document_type',
      'document_number',
      'document_issuer',
      'document_expiry',
      'mrz_line1',
      'mrz_line2',
    ];
    if (docFields.every((f) => get(f) === '')) return null;
    const before = this.problems.length;
    const need = (f: ImportField) => {
      const v = get(f);
      if (v === '') this.problem(row, f, '', 'is required when the row has a travel document');
      return v;
    };
    const typeText = need('document_type');
    const number = need('document_number');
    const issuerText = need('document_issuer');
    const type = typeText ? readDocumentType(typeText) : undefined;
    if (type && !type.ok) this.problem(row, 'document_type', typeText, type.reason);
    const issuer = issuerText ? readCountry(issuerText, true) : undefined;
    if (issuer && !issuer.ok) this.problem(row, 'document_issuer', issuerText, issuer.reason);
    if (number.length > 40)
      this.problem(row, 'document_number', number, 'is longer than 40 characters');
    const expiryText = get('document_expiry');
    const expiry = expiryText ? readIsoDate(expiryText) : undefined;
    if (expiry && !expiry.ok) this.problem(row, 'document_expiry', expiryText, expiry.reason);
    const docId = get('document_id') || `${personId}-doc`;
    const docIdOk = readId(docId);
    if (!docIdOk.ok) this.problem(row, 'document_id', docId, docIdOk.reason);
    const earlier = this.documentRows.get(docId);
    // A made-up id (<person_id>-doc) repeats only with its person id, which is reported already.
    if (earlier !== undefined && get('document_id') !== '')
      this.problem(row, 'document_id', docId, `is also on row ${earlier}`);
    else if (earlier === undefined) this.documentRows.set(docId, row);
    const mrz = this.readMrz(row, get, {
      number,
      issuer: issuer?.ok ? issuer.value : null,
      expiry: expiry?.ok ? expiry.value : null,
      birthDate,
    });
    if (this.problems.length > before || !type?.ok || !issuer?.ok) return null;
    return {
      id: docId,
      personId,
      type: type.value,
      issuer: issuer.value as Iso3,
      expiry: expiry?.ok ? expiry.value : null,
      number,
      mrz,
    };
  }

  private readMrz(
    row: number,
    get: (f: ImportField) => string,
    doc: {
      number: string;
      issuer: string | null;
      expiry: IsoDate | null;
      birthDate: IsoDate | null;
    },
  ): [string, string] | null {
    const line1 = get('mrz_line1').replace(/\s+/g, '');
    const line2 = get('mrz_line2').replace(/\s+/g, '');
    if (line1 === '' && line2 === '') return null;
    if (line1 === '' || line2 === '') {
      const missing = line1 === '' ? 'mrz_line1' : 'mrz_line2';
      this.problem(row, missing, '', 'both MRZ lines are needed');
      return null;
    }
    const { fields, problems } = parseTd3(line1, line2);
    for (const p of problems) {
      const f = p.field === 'line 1' ? 'mrz_line1' : 'mrz_line2';
      this.problem(row, f, get(f), `MRZ ${p.field} ${p.reason}`);
    }
    if (problems.length > 0) return null;
    const yymmdd = (d: string) => d.slice(2, 4) + d.slice(5, 7) + d.slice(8, 10);
    if (
      doc.number &&
      fields.number !==
        doc.number
          .toUpperCase()
          .replace(/[^A-Z0-9]/g, '')
          .slice(0, 9)
    )
      this.problem(row, 'mrz_line2', line2, 'MRZ document number differs from document_number');
    if (doc.expiry && fields.expiryDate !== yymmdd(doc.expiry))
      this.problem(row, 'mrz_line2', line2, 'MRZ date of expiry differs from document_expiry');
    if (
      doc.birthDate &&
      /^\d{6}$/.test(fields.birthDate) &&
      fields.birthDate !== yymmdd(doc.birthDate)
    )
      this.problem(row, 'mrz_line2', line2, 'MRZ date of birth differs from birth_date');
    if (doc.issuer && fields.issuer !== doc.issuer)
      this.problem(row, 'mrz_line1', line1, 'MRZ issuing state differs from document_issuer');
    return [line1, line2];
  }

  /** Checks the file as a whole against the database and returns what to write. */
  finish(context: ImportContext): ImportPlan {
    const plan: ImportPlan = {
      kind: this.layout.kind,
      rows: this.rowCount,
      households: [],
      persons: [],
      links: [],
      ties: [],
      preferences: [],
      problems: this.problems,
      warnings: this.warnings,
    };
    const newLinks = new Map<string, CaseLink>();
    for (const draft of this.households.values()) {
      const existing = context.households.get(draft.id);
      const household = this.planHousehold(draft, existing, plan);
      if (!household) continue;
      this.checkHeads(draft, existing, plan);
      for (const p of draft.persons) this.planPerson(p, context, plan);
      const links = draft.values.get('linked_cases');
      for (const l of (links?.value as { id: string; kind: CaseLink['kind'] }[] | undefined) ??
        []) {
        if (l.id === draft.id) {
          this.problem(links!.row, 'linked_cases', links!.text, 'links the case to itself');
          continue;
        }
        if (!this.households.has(l.id) && !context.households.has(l.id)) {
          this.problem(
            links!.row,
            'linked_cases',
            links!.text,
            `case ${l.id} is neither in this file nor in the database`,
          );
          continue;
        }
        const link = {
          a: draft.id < l.id ? draft.id : l.id,
          b: draft.id < l.id ? l.id : draft.id,
          kind: l.kind,
        };
        const key = linkKey(link);
        if (!context.links.has(key)) newLinks.set(key, link);
      }
      const prefs = draft.values.get('preferences');
      if (prefs) {
        const ids = prefs.value as string[];
        const unknown = ids.filter((d) => !context.destinations.has(d));
        if (unknown.length > 0)
          this.problem(
            prefs.row,
            'preferences',
            prefs.text,
            `${unknown.join(', ')} ${unknown.length === 1 ? 'is not a destination' : 'are not destinations'} of this operation`,
          );
      }
    }
    plan.links = [...newLinks.values()];
    plan.problems.sort((x, y) => x.row - y.row);
    return plan;
  }

  private planHousehold(
    draft: HouseholdDraft,
    existing: ExistingHousehold | undefined,
    plan: ImportPlan,
  ): Household | undefined {
    const v = <T>(f: HouseholdField): T | undefined => draft.values.get(f)?.value as T | undefined;
    const origin = v<string>('origin_country');
    if (!existing && origin === undefined) {
      if (draft.invalid.has('origin_country')) return undefined;
      const reason = this.index.has('origin_country')
        ? `household ${draft.id} is not in the database and no row gives its origin_country`
        : `household ${draft.id} is not in the database and the file has no origin_country column`;
      this.problem(
        draft.row,
        this.index.has('origin_country') ? 'origin_country' : 'household_id',
        this.index.has('origin_country') ? '' : draft.id,
        reason,
      );
      return undefined;
    }
    const ties = v<Omit<Tie, 'householdId'>[]>('ties');
    const prefs = v<string[]>('preferences');
    const household: Household = {
      id: draft.id,
      status: existing?.status ?? v<CaseStatus>('household_status') ?? 'registered',
      originCountry: (origin ?? existing!.originCountry) as Iso3,
      languages: v<string[]>('languages') ?? existing?.languages ?? [],
      readyDate: (v<IsoDate>('ready_date') ?? existing?.readyDate ?? null) as IsoDate | null,
      priority: v<number>('priority') ?? existing?.priority ?? 0,
    };
    const changed: string[] = [];
    if (existing) {
      const status = v<CaseStatus>('household_status');
      if (status && status !== existing.status)
        plan.warnings.push({
          row: draft.values.get('household_status')!.row,
          column: this.label('household_status'),
          message: `household ${draft.id} is ${existing.status} in the database; an import does not change statuses (use \`corridor case move\`)`,
        });
      if (household.originCountry !== existing.originCountry) changed.push('origin_country');
      if (JSON.stringify(household.languages) !== JSON.stringify(existing.languages))
        changed.push('languages');
      if (household.readyDate !== existing.readyDate) changed.push('ready_date');
      if (household.priority !== existing.priority) changed.push('priority');
    }
    if (ties) {
      const keys = ties.map((t) => `${t.country}:${t.kind}`).sort();
      if (!existing || JSON.stringify(keys) !== JSON.stringify(existing.ties)) {
        plan.ties.push({
          householdId: draft.id,
          ties: ties.map((t) => ({ ...t, householdId: draft.id })),
        });
        if (existing) changed.push('ties');
      }
    }
    if (prefs && (!existing || JSON.stringify(prefs) !== JSON.stringify(existing.preferences))) {
      plan.preferences.push({
        householdId: draft.id,
        preferences: prefs.map((destinationId, k) => ({
          householdId: draft.id,
          rank: k + 1,
          destinationId,
        })),
      });
      if (existing) changed.push('preferences');
    }
    plan.households.push({ household, isNew: !existing, changed, row: draft.row });
    return household;
  }

  private checkHeads(
    draft: HouseholdDraft,
    existing: ExistingHousehold | undefined,
    plan: ImportPlan,
  ): void {
    // A refused row may be the head: the head count is only meaningful on a whole household.
    if (plan.kind !== 'persons' || draft.persons.length === 0 || draft.refusedRows > 0) return;
    const inFile = new Set(draft.persons.map((p) => p.id));
    const kept = (existing?.heads ?? []).filter((h) => !inFile.has(h));
    if (!this.index.has('is_head')) {
      if (kept.length === 0) draft.persons[0]!.isHead = true;
    }
    const heads = draft.persons.filter((p) => p.isHead);
    if (heads.length + kept.length === 0) {
      const first = draft.persons[0]!;
      this.problem(
        first.row,
        'is_head',
        '',
        `household ${draft.id} has no head of household; mark one row yes`,
      );
    }
    const firstHead = kept.length > 0 ? 'in the database' : `on row ${heads[0]?.row}`;
    for (const extra of heads.slice(kept.length > 0 ? 0 : 1))
      this.problem(
        extra.row,
        'is_head',
        'yes',
        `household ${draft.id} already has a head of household (${firstHead})`,
      );
    for (const p of draft.persons) p.person.isHead = p.isHead === true;
  }

  private planPerson(p: PersonDraft, context: ImportContext, plan: ImportPlan): void {
    if (p.document) {
      const owner = context.documents.get(p.document.id);
      if (owner !== undefined && owner !== p.id)
        this.problem(
          p.row,
          'document_id',
          p.document.id,
          'belongs to another person in the database',
        );
    }
    plan.persons.push({
      row: p.row,
      person: p.person,
      needs: p.needs.map((n) => ({ personId: p.id, ...n })),
      document: p.document,
      ...(p.consents ? { consents: p.consents } : {}),
    });
  }
}
