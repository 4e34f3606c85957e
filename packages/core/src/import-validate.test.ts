import { describe, expect, it } from 'vitest';
import { layoutColumns } from './import-layout.js';
import { planImport, type RawRow } from './import-plan.js';
import { emptyImportContext, type ImportContext } from './import-validate.js';
import { buildTd3 } from './mrz.js';
import type { Iso3 } from './units.js';

const header = [
  'household_id',
  'person_id',
  'given_name',
  'family_name',
  'sex',
  'is_head',
  'origin_country',
  'linked_cases',
  'preferences',
  'document_type',
  'document_number',
  'document_issuer',
  'document_expiry',
  'mrz_line1',
  'mrz_line2',
];

/** Rows from objects keyed by column; row numbers start under the header (row 2). */
function rows(list: Record<string, string>[]): RawRow[] {
  return list.map((r, k) => ({ row: k + 2, cells: header.map((h) => r[h] ?? '') }));
}

const person = (h: string, p: string, extra: Record<string, string> = {}) => ({
  household_id: h,
  person_id: p,
  given_name: 'Amal',
  family_name: 'Haddad',
  sex: 'F',
  ...extra,
});

const plan = (list: Record<string, string>[], context: ImportContext = emptyImportContext) =>
  planImport({ header, hxl: null, headerRow: 1, rows: rows(list) }, context);

describe('import validation', () => {
  it('needs exactly one head per household and resolvable links and destinations', async () => {
    const p = await plan([
      person('H1', 'A', { is_head: 'yes', origin_country: 'IRQ', linked_cases: 'H9' }),
      person('H1', 'B', { is_head: 'yes' }),
      person('H2', 'C', { is_head: 'no', origin_country: 'syr', preferences: 'DEU;SWE' }),
    ]);
    expect(p.problems.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [2, 'linked_cases', 'H9', 'case H9 is neither in this file nor in the database'],
      [3, 'is_head', 'yes', 'household H1 already has a head of household (on row 2)'],
      [4, 'is_head', '', 'household H2 has no head of household; mark one row yes'],
      [4, 'preferences', 'DEU;SWE', 'DEU, SWE are not destinations of this operation'],
    ]);
    expect(p.households.find((h) => h.household.id === 'H2')?.household.originCountry).toBe('SYR');
  });

  it('reads a contact e-mail (any usual header), sealed with the person, and names a bad one', async () => {
    const read = (header: string, value: string) =>
      planImport(
        {
          header: ['case_id', 'individual_id', 'name', 'gender', 'country', header],
          hxl: null,
          headerRow: 1,
          rows: [{ row: 2, cells: ['H1', 'A', 'Amal Haddad', 'female', 'IRQ', value] }],
        },
        emptyImportContext,
      );
    const ok = await read('Email Address', 'amal.haddad@example.org');
    expect(ok.problems).toEqual([]);
    expect(ok.persons[0]?.person.pii.email).toBe('amal.haddad@example.org');
    const bad = await read('e_mail', 'amal at example');
    // The column as the file names it; the value, personal data, is not repeated.
    expect(bad.problems.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [2, 'e_mail', '<redacted>', 'is not an e-mail address'],
    ]);
    expect(bad.persons).toEqual([]);
  });

  it('takes the first row of a new household as its head when no column says', async () => {
    const p = await planImport(
      {
        header: ['case_id', 'individual_id', 'name', 'gender', 'country'],
        hxl: null,
        headerRow: 1,
        rows: [
          { row: 2, cells: ['H1', 'A', 'Amal  Haddad', 'female', 'IRQ'] },
          { row: 3, cells: ['H1', 'B', 'Omar Al Haddad', 'm', ''] },
        ],
      },
      emptyImportContext,
    );
    expect(p.problems).toEqual([]);
    expect(
      p.persons.map((x) => [x.person.isHead, x.person.pii.givenName, x.person.pii.familyName]),
    ).toEqual([
      [true, 'Amal', 'Haddad'],
      [false, 'Omar Al', 'Haddad'],
    ]);
  });

  it('checks MRZ check digits and that the MRZ matches the document columns, redacting both', async () => {
    const mrz = buildTd3({
      documentCode: 'P',
      issuer: 'IRQ',
      surname: 'Haddad',
      givenNames: 'Amal',
      number: 'A1234567',
      nationality: 'IRQ',
      birthDate: '1990-12-31',
      sex: 'F',
      expiryDate: '2033-01-31',
      personalNumber: '',
    });
    const doc = {
      document_type: 'passport',
      document_number: 'A1234567',
      document_issuer: 'IRQ',
      document_expiry: '31/01/2033',
      mrz_line1: mrz[0],
      mrz_line2: mrz[1],
    };
    const ok = await plan([person('H1', 'A', { is_head: 'yes', origin_country: 'IRQ', ...doc })]);
    expect(ok.problems).toEqual([]);
    expect(ok.persons[0]?.document).toMatchObject({ id: 'A-doc', expiry: '2033-01-31', mrz });
    const bad = await plan([
      person('H1', 'A', {
        is_head: 'y',
        origin_country: 'IRQ',
        ...doc,
        document_number: 'A7654321',
      }),
      person('H1', 'B', { ...doc, mrz_line2: mrz[1].slice(0, 27) + '0' + mrz[1].slice(28) }),
      person('H1', 'C', { ...doc, mrz_line2: '' }),
    ]);
    expect(bad.problems.map((x) => [x.row, x.column, x.value, x.reason])).toEqual(
      [
        [2, 'mrz_line2', '<redacted>', 'MRZ document number differs from document_number'],
        [3, 'mrz_line2', '<redacted>', 'MRZ date of expiry check digit is 0, expected 7'],
        [3, 'mrz_line2', '<redacted>', 'MRZ composite check digit is 8, expected 1'],
        [4, 'mrz_line2', '', 'both MRZ lines are needed'],
      ].map((x) => x),
    );
  });

  it('updates a household the database holds, and never its status', async () => {
    const context: ImportContext = {
      ...emptyImportContext,
      households: new Map([
        [
          'H1',
          {
            status: 'verified',
            originCountry: 'IRQ' as Iso3,
            languages: ['ar'],
            readyDate: null,
            priority: 0,
            heads: ['A'],
            preferences: [],
            ties: [],
          },
        ],
      ]),
    };
    const p = await planImport(
      {
        header: ['household_id', 'household_status', 'languages', 'priority'],
        hxl: null,
        headerRow: 1,
        rows: [{ row: 2, cells: ['H1', 'registered', 'ar;en', '2'] }],
      },
      context,
    );
    expect(p.kind).toBe('households');
    expect(p.households[0]).toMatchObject({
      isNew: false,
      changed: ['languages', 'priority'],
      household: { status: 'verified', languages: ['ar', 'en'], priority: 2 },
    });
    expect(p.warnings[0]?.message).toMatch(
      /is verified in the database; an import does not change statuses/,
    );
  });

  it('names missing and doubled columns on the header row', () => {
    const { problems, warnings } = layoutColumns(
      ['case_id', 'hh_id', 'first_name', 'colour'],
      null,
      1,
    );
    expect(problems.map((p) => `${p.column}: ${p.reason}`)).toEqual([
      'hh_id: holds household_id, like column "case_id"; keep one',
      'person_id: no person_id column (or individual_id, #affected+ind+id)',
      'family_name: no family_name column (or full_name)',
      'sex: no sex column',
    ]);
    expect(warnings.map((w) => w.column)).toEqual(['colour']);
  });
});
