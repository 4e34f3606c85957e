/** The registry file layout: one documented column per field, its synonyms and its HXL hashtag. */
import { normalizeHxlTag } from './hxl.js';

/** Where a field belongs and whether its values are personal data (redacted in reports). */
export interface ImportFieldSpec {
  /** The column name Corridor writes (and reads first). */
  name: string;
  level: 'household' | 'person';
  /** The HXL hashtag Corridor writes; `alsoHxl` are hashtags it also reads. */
  hxl: string;
  alsoHxl?: readonly string[];
  /** Other header names read as this column (compared lower-case, punctuation as `_`). */
  synonyms: readonly string[];
  pii: boolean;
  /** One line for docs/import.md and `corridor import --help`. */
  description: string;
}

const spec = (
  name: string,
  level: ImportFieldSpec['level'],
  hxl: string,
  synonyms: string[],
  description: string,
  extra: { pii?: boolean; alsoHxl?: string[] } = {},
): ImportFieldSpec => ({
  name,
  level,
  hxl,
  synonyms,
  description,
  pii: extra.pii ?? false,
  ...(extra.alsoHxl ? { alsoHxl: extra.alsoHxl } : {}),
});

/** Every column of a registry file, in the order Corridor writes them. */
export const importFieldSpecs = [
  spec(
    'household_id',
    'household',
    '#affected+hh+id',
    [
      'household',
      'hh_id',
      'hhid',
      'case_id',
      'case',
      'case_number',
      'case_no',
      'registration_group',
      'household_number',
    ],
    'case (household) identifier; required',
    { alsoHxl: ['#affected+case+id'] },
  ),
  spec(
    'origin_country',
    'household',
    '#country+code+origin',
    ['origin', 'country_of_origin', 'origin_country_code', 'country'],
    'ISO 3166-1 alpha-3 (or ICAO XXA/XXB/XXC/XXX); required for a new household',
    { alsoHxl: ['#country+code', '#loc+origin+code'] },
  ),
  spec(
    'languages',
    'household',
    '#language+code',
    ['language', 'lang', 'spoken_languages'],
    'ISO 639 codes separated by ";"',
  ),
  spec(
    'household_status',
    'household',
    '#status+case',
    ['status', 'case_status'],
    'case status (default registered); only set for a new household',
    { alsoHxl: ['#status'] },
  ),
  spec(
    'ready_date',
    'household',
    '#date+ready',
    ['ready', 'ready_from'],
    'first day the case can travel',
  ),
  spec('priority', 'household', '#priority', [], 'whole number 0 (none) to 3 (highest)'),
  spec(
    'linked_cases',
    'household',
    '#affected+hh+linked',
    ['links', 'linked', 'linked_case_ids'],
    'other cases that must stay together: "C-0002:travel-together;C-0007:settle-together"',
  ),
  spec(
    'preferences',
    'household',
    '#loc+dest+preference',
    ['preferred_destinations', 'destination_preferences'],
    'destination ids in order of preference, separated by ";"',
  ),
  spec(
    'ties',
    'household',
    '#country+code+ties',
    ['country_ties'],
    'ties to countries: "DEU:family;SWE:study" (family, previous-residence, study, work)',
  ),
  spec(
    'person_id',
    'person',
    '#affected+ind+id',
    ['individual_id', 'ind_id', 'person', 'individual', 'member_id', 'progres_id'],
    'person identifier; required in a persons file',
  ),
  spec(
    'is_head',
    'person',
    '#affected+ind+head',
    ['head', 'head_of_household', 'hoh', 'is_hoh', 'principal_applicant'],
    'yes for the head of household (exactly one per household; default: the first row of a new household)',
  ),
  spec(
    'given_name',
    'person',
    '#affected+ind+name+given',
    ['given_names', 'first_name', 'firstname', 'forename'],
    'required (or full_name)',
    { pii: true },
  ),
  spec(
    'family_name',
    'person',
    '#affected+ind+name+family',
    ['last_name', 'lastname', 'surname'],
    'required (or full_name)',
    { pii: true },
  ),
  spec(
    'full_name',
    'person',
    '#affected+ind+name',
    ['name'],
    'instead of given_name and family_name: the last word is the family name',
    { pii: true },
  ),
  spec(
    'sex',
    'person',
    '#affected+ind+sex',
    ['gender'],
    'F, M or X (female, male, other/unknown); required',
    { alsoHxl: ['#affected+sex'] },
  ),
  spec(
    'birth_date',
    'person',
    '#date+birth',
    ['date_of_birth', 'dob', 'birthdate', 'born'],
    'YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY',
    { pii: true },
  ),
  spec(
    'birth_year',
    'person',
    '#date+birth+year',
    ['year_of_birth', 'yob'],
    'when the full birth date is unknown',
  ),
  spec(
    'needs',
    'person',
    '#affected+ind+needs',
    ['specific_needs', 'specific_needs_codes', 'sn_codes', 'vulnerabilities'],
    'UNHCR specific-needs codes with severity 1-3: "SM:2;ER:1" (sub-codes such as SM-CI are read as SM)',
  ),
  spec(
    'document_id',
    'person',
    '#affected+doc+ref',
    ['doc_id'],
    'identifier of the travel document record (default: <person_id>-doc)',
  ),
  spec(
    'document_type',
    'person',
    '#affected+doc+type',
    ['doc_type'],
    'passport, travel-document, national-id or laissez-passer',
  ),
  spec(
    'document_number',
    'person',
    '#affected+doc+id',
    ['doc_number', 'document_no', 'passport_number'],
    'document number',
    { pii: true },
  ),
  spec(
    'document_issuer',
    'person',
    '#country+code+issuer',
    ['issuer', 'issuing_country', 'doc_issuer'],
    'issuing state, ISO 3166-1 alpha-3 or ICAO code',
  ),
  spec(
    'document_expiry',
    'person',
    '#date+expiry',
    ['expiry', 'expiry_date', 'doc_expiry', 'date_of_expiry'],
    'date of expiry',
    { alsoHxl: ['#date+doc+expiry'] },
  ),
  spec(
    'mrz_line1',
    'person',
    '#affected+doc+mrz+line1',
    ['mrz1', 'mrz_line_1'],
    'first line of an ICAO 9303 TD3 MRZ (44 characters)',
    { pii: true },
  ),
  spec(
    'mrz_line2',
    'person',
    '#affected+doc+mrz+line2',
    ['mrz2', 'mrz_line_2'],
    'second line; every check digit is verified',
    { pii: true },
  ),
  spec(
    'phone',
    'person',
    '#contact+phone',
    ['phone_number', 'telephone', 'mobile', 'contact_phone'],
    'contact phone',
    { pii: true },
  ),
  spec(
    'email',
    'person',
    '#contact+email',
    ['e_mail', 'email_address', 'mail', 'contact_email'],
    'contact e-mail address (for messages to the household)',
    { pii: true },
  ),
  spec(
    'protection_note',
    'person',
    '#description+protection',
    ['protection_notes'],
    'protection note (encrypted at rest)',
    { pii: true },
  ),
  spec(
    'consent_registration',
    'person',
    '#status+consent+registration',
    ['registration_consent'],
    'registration consent: given, refused or withdrawn, optionally with the date decided ("given 2027-02-01"; default: the day of the import); recorded for new persons, not exported',
  ),
  spec(
    'consent_messages',
    'person',
    '#status+consent+messages',
    ['messages_consent', 'consent_contact'],
    'consent to messages to the household: as consent_registration',
  ),
] as const satisfies readonly ImportFieldSpec[];

/** A column of a registry file. */
export type ImportField = (typeof importFieldSpecs)[number]['name'];

/** Columns an import reads but an export does not write (consent has its own history, `consent list`). */
export const importOnlyColumns: readonly ImportField[] = [
  'consent_registration',
  'consent_messages',
];

/** Columns that exports add for people to read and imports skip without a warning. */
export const exportOnlyColumns: readonly string[] = ['persons', 'needs_summary', 'heads'];

/** The specification of a field. */
export function fieldSpec(field: ImportField): ImportFieldSpec {
  return importFieldSpecs.find((s) => s.name === field)!;
}

/** A header as compared: lower-case, trimmed, punctuation and spaces as one `_`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const byHeader = new Map<string, ImportField>();
const byHxl = new Map<string, ImportField>();
for (const s of importFieldSpecs) {
  for (const h of [s.name, ...s.synonyms]) byHeader.set(normalizeHeader(h), s.name);
  const also: readonly string[] = ('alsoHxl' in s ? s.alsoHxl : undefined) ?? [];
  for (const t of [s.hxl, ...also]) byHxl.set(normalizeHxlTag(t)!, s.name);
}

/** The field a plain header names, if any. */
export function fieldForHeader(header: string): ImportField | undefined {
  return byHeader.get(normalizeHeader(header));
}

/** The field an HXL hashtag names, if any (attribute order and case do not matter). */
export function fieldForHxl(tag: string): ImportField | undefined {
  const normal = normalizeHxlTag(tag);
  return normal ? byHxl.get(normal) : undefined;
}

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
