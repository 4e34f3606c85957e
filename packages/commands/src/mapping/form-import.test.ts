/**
 * KoBoToolbox / ODK and Primero imports through the commands, on one PGlite database: a KoBo XLSX
 * export with 3 households and 11 members in a repeat group imports as 3 households and 11 persons;
 * a broken export (unknown column, a member whose household is missing, an impossible date) is
 * refused naming sheet, row and column with nothing written; the CSV variant (ODK Central's KEY /
 * PARENT_KEY) and a Primero JSON export import; a zip bomb is refused by the XLSX limits; only
 * registrars and admins may save mappings or import.
 *
 * The XLSX is built here with exceljs in the layout KoBoToolbox's XLSX export writes (formpack):
 * a first sheet named after the form, the questions' names as headers followed by the system
 * columns `_id`, `_uuid`, `_submission_time`, `_validation_status`, `_notes`, `_status`,
 * `_submitted_by`, `__version__`, `_tags`, `_index`; and one sheet per repeat group, named after
 * it, whose rows end with `_index`, `_parent_table_name`, `_parent_index` and `_submission__*`.
 */
import { generateDemo, type FormMapping, type Role } from '@corridor/core';
import { xlsxBomb, zipOf } from '@corridor/formats/test-support';
import type { Store } from '@corridor/storage';
import { pgliteBackend } from '@corridor/storage/test-support';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyCommand } from '../define.js';
import { execute } from '../execute.js';
import { importForm, listMappings, saveMapping, showMapping } from './index.js';

const demo = generateDemo({ people: 20, seed: 4 });
const run = (store: Store, command: unknown, input: unknown, role: Role = 'registrar') =>
  execute(
    command as AnyCommand,
    { actor: { name: `t-${role}`, role, via: 'api' }, store, now: new Date() },
    input,
  ) as Promise<Record<string, unknown>>;

/** The error a command was refused with. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: { status: number; id: string; message: string; details?: unknown }) => e,
  );

const koboMapping: FormMapping = {
  name: 'hh-registration-v3',
  source: 'kobo',
  households: {
    sheet: 'Household registration',
    fields: {
      'group_case/case_number': 'household_id',
      'group_case/origin': 'origin_country',
      'group_case/languages': 'languages',
    },
  },
  members: {
    sheet: 'members',
    fields: {
      given_name: 'given_name',
      family_name: 'family_name',
      sex: 'sex',
      dob: 'birth_date',
      relationship: 'is_head',
    },
  },
  ignore: ['start', 'end', 'today', 'deviceid', 'group_case/consent'],
  values: { is_head: { head: 'yes', spouse: 'no', child: 'no', parent: 'no' } },
};

const koboSystem = [
  '_id',
  '_uuid',
  '_submission_time',
  '_validation_status',
  '_notes',
  '_status',
  '_submitted_by',
  '__version__',
  '_tags',
  '_index',
];
const memberSystem = ['_index', '_parent_table_name', '_parent_index', '_submission__id'];

/** A member of the fixture: given, family, sex, dob, relationship. */
type Member = [string, string, string, string, string];
const households: { case: string; origin: string; members: Member[] }[] = [
  {
    case: 'KB-0001',
    origin: 'IRN',
    members: [
      ['Leila', 'Karimi', 'female', '1980-04-02', 'head'],
      ['Reza', 'Karimi', 'male', '1978-11-20', 'spouse'],
      ['Sara', 'Karimi', 'female', '2008-01-15', 'child'],
      ['Omid', 'Karimi', 'male', '2011-06-30', 'child'],
    ],
  },
  {
    case: 'KB-0002',
    origin: 'IRN',
    members: [
      ['Nasrin', 'Ahmadi', 'female', '1990-09-09', 'head'],
      ['Dara', 'Ahmadi', 'male', '2015-03-03', 'child'],
      ['Mina', 'Ahmadi', 'female', '2017-12-01', 'child'],
    ],
  },
  {
    case: 'KB-0003',
    origin: 'IRQ',
    members: [
      ['Hassan', 'Rahimi', 'male', '1965-02-14', 'head'],
      ['Zahra', 'Rahimi', 'female', '1968-07-07', 'spouse'],
      ['Ali', 'Rahimi', 'male', '1995-05-05', 'child'],
      ['Fatemeh', 'Rahimi', 'female', '1940-01-01', 'parent'],
    ],
  },
];

interface Breakage {
  extraColumn?: string;
  orphanParent?: number;
  badDate?: string;
}

/** The KoBo XLSX export of the fixture, optionally broken. */
async function koboXlsx(broken: Breakage = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const main = book.addWorksheet('Household registration');
  const extra = broken.extraColumn ? [broken.extraColumn] : [];
  main.addRow([
    'start',
    'end',
    'today',
    'deviceid',
    'group_case/case_number',
    'group_case/origin',
    'group_case/languages',
    'group_case/consent',
    ...extra,
    ...koboSystem,
  ]);
  households.forEach((h, k) => {
    const uuid = `6f1c0e3a-0000-4000-8000-00000000000${k + 1}`;
    main.addRow([
      '2026-03-01T09:00:00',
      '2026-03-01T09:20:00',
      '2026-03-01',
      'collect:abc',
      h.case,
      h.origin,
      'fa ar',
      'yes',
      ...extra.map(() => 'x'),
      1000 + k,
      uuid,
      '2026-03-01T09:21:00',
      '',
      '',
      'submitted_via_web',
      'registrar1',
      'vXyZ',
      '',
      k + 1,
    ]);
  });
  const group = book.addWorksheet('members');
  group.addRow(['given_name', 'family_name', 'sex', 'dob', 'relationship', ...memberSystem]);
  let index = 0;
  households.forEach((h, k) =>
    h.members.forEach((m) => {
      index++;
      const dob = broken.badDate && index === 2 ? broken.badDate : m[3];
      group.addRow([...m.slice(0, 3), dob, m[4], index, 'Household registration', k + 1, 1000 + k]);
    }),
  );
  if (broken.orphanParent !== undefined)
    group.addRow(['Lost', 'Member', 'male', '2000-01-01', 'child', 99, 'x', broken.orphanParent]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const file = (name: string, content: Buffer | string) => ({
  name,
  content: Buffer.from(content).toString('base64'),
});

describe('KoBo / ODK and Primero imports through a saved mapping', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await pgliteBackend.fresh());
    await store.registry.createOperation(demo, { name: 'test-seed', role: 'admin' });
  });
  afterAll(async () => close());

  const personsOf = async (ids: string[]) =>
    (
      await store.db
        .selectFrom('persons')
        .select(['id', 'household_id', 'is_head'])
        .where('household_id', 'in', ids)
        .execute()
    ).length;

  it('only registrars and admins save, read and use mappings; a refusal writes nothing', async () => {
    for (const role of ['planner', 'auditor', 'protection-officer'] as Role[]) {
      const e = await refusal(run(store, saveMapping, koboMapping, role));
      expect(e.status).toBe(403);
      expect((await refusal(run(store, listMappings, {}, role))).status).toBe(403);
    }
    expect(await store.mappings.list()).toEqual([]);
    expect(await run(store, saveMapping, koboMapping)).toEqual({
      name: koboMapping.name,
      created: true,
    });
    expect(await run(store, saveMapping, koboMapping, 'admin')).toMatchObject({ created: false });
    const shown = await run(store, showMapping, { name: koboMapping.name });
    expect(shown.mapping).toMatchObject({ name: koboMapping.name, source: 'kobo' });
    expect(((await run(store, listMappings, {})).mappings as unknown[]).length).toBe(1);
    const planner = await refusal(
      run(
        store,
        importForm,
        { mapping: koboMapping.name, files: [file('hh.xlsx', await koboXlsx())] },
        'planner',
      ),
    );
    expect(planner.status).toBe(403);
    expect(await personsOf(['KB-0001', 'KB-0002', 'KB-0003'])).toBe(0);
  });

  it('refuses a mapping onto no Corridor column, or with a household column in the members', async () => {
    const bad = {
      ...koboMapping,
      name: 'bad',
      members: { sheet: 'members', fields: { given_name: 'origin_country', x: 'nickname' } },
    };
    const e = await refusal(run(store, saveMapping, bad));
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/members\.fields\.x: is not a Corridor column/);
    expect(await store.mappings.get('bad')).toBeUndefined();
  });

  it('refuses a broken export naming sheet, row and column, and writes nothing', async () => {
    const xlsx = await koboXlsx({
      extraColumn: 'phone_nr',
      orphanParent: 7,
      badDate: '31/02/1990',
    });
    const before = await store.audit.events(0, 1_000_000);
    const e = await refusal(
      run(store, importForm, { mapping: koboMapping.name, files: [file('hh.xlsx', xlsx)] }),
    );
    expect(e.status).toBe(422);
    const problems = (e.details as { problems: Record<string, unknown>[] }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: 'Household registration',
          row: 1,
          column: 'phone_nr',
          reason: expect.stringMatching(/not in mapping hh-registration-v3/),
        }),
        expect.objectContaining({
          sheet: 'members',
          row: 13,
          column: '_parent_index',
          value: '7',
          reason: expect.stringMatching(/broken repeat group/),
        }),
        expect.objectContaining({
          sheet: 'members',
          row: 3,
          column: 'dob',
          value: '<redacted>',
          reason: expect.stringMatching(/calendar date/),
        }),
      ]),
    );
    expect(await personsOf(['KB-0001', 'KB-0002', 'KB-0003'])).toBe(0);
    expect((await store.audit.events(0, 1_000_000)).length).toBe(before.length);
  });

  it('imports a KoBo export of 3 households and 11 members as 3 households and 11 persons', async () => {
    const input = { mapping: koboMapping.name, files: [file('hh.xlsx', await koboXlsx())] };
    const dry = await run(store, importForm, { ...input, dryRun: true });
    expect(dry).toMatchObject({ ok: true, written: false, sheets: { households: 3, members: 11 } });
    expect(await personsOf(['KB-0001', 'KB-0002', 'KB-0003'])).toBe(0);
    const done = await run(store, importForm, input);
    expect(done).toMatchObject({
      ok: true,
      written: true,
      households: { created: 3 },
      persons: { created: 11 },
      problems: [],
    });
    const rows = await store.db
      .selectFrom('persons')
      .select(['id', 'household_id', 'is_head'])
      .where('household_id', 'in', ['KB-0001', 'KB-0002', 'KB-0003'])
      .orderBy('id')
      .execute();
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.is_head).map((r) => r.id)).toEqual([
      'KB-0001-1',
      'KB-0002-1',
      'KB-0003-1',
    ]);
    const again = await run(store, importForm, input);
    expect(again).toMatchObject({ persons: { created: 0, unchanged: 11 } });
  });

  it('reads the CSV variant: ODK Central’s main table and repeat group linked by KEY', async () => {
    const mapping: FormMapping = {
      name: 'odk-household',
      source: 'odk',
      households: { fields: { case_id: 'household_id', origin: 'origin_country' } },
      members: {
        sheet: 'household-members',
        fields: { member_id: 'person_id', name: 'full_name', gender: 'sex', head: 'is_head' },
      },
      ignore: [],
    };
    await run(store, saveMapping, mapping);
    const main =
      'SubmissionDate,case_id,origin,meta-instanceID,KEY,SubmitterID,SubmitterName\n' +
      '2026-03-02T10:00:00Z,OD-1,SYR,uuid:a1,uuid:a1,5,reg\n' +
      '2026-03-02T10:05:00Z,OD-2,SYR,uuid:a2,uuid:a2,5,reg\n';
    const members =
      'member_id,name,gender,head,PARENT_KEY,KEY\n' +
      'OD-1-A,Rana Haddad,F,yes,uuid:a1,uuid:a1/members[1]\n' +
      'OD-1-B,Sami Haddad,M,no,uuid:a1,uuid:a1/members[2]\n' +
      'OD-2-A,Yusuf Nasser,M,yes,uuid:a2,uuid:a2/members[1]\n';
    const done = await run(store, importForm, {
      mapping: 'odk-household',
      files: [file('household.csv', main), file('household-members.csv', members)],
    });
    expect(done).toMatchObject({ ok: true, households: { created: 2 }, persons: { created: 3 } });
    // ODK Central's download: the same CSV files in one ZIP archive.
    const zip = zipOf([
      { name: 'household.csv', text: main.replaceAll('OD-', 'OZ-') },
      { name: 'household-members.csv', text: members.replaceAll('OD-', 'OZ-') },
    ]);
    const zipped = await run(store, importForm, {
      mapping: 'odk-household',
      files: [file('household.zip', zip)],
    });
    expect(zipped).toMatchObject({ ok: true, households: { created: 2 }, persons: { created: 3 } });
  });

  it('reads a Primero JSON case export whose family details are a nested list', async () => {
    const mapping: FormMapping = {
      name: 'primero-cases',
      source: 'primero',
      households: { fields: { case_id_display: 'household_id', nationality: 'origin_country' } },
      members: {
        sheet: 'family_details_section',
        fields: {
          relation_name: 'full_name',
          relation_sex: 'sex',
          relation_date_of_birth: 'birth_date',
          relation_is_caregiver: 'is_head',
        },
      },
      ignore: ['id', 'registration_date', 'status'],
    };
    await run(store, saveMapping, mapping);
    const cases = [
      {
        id: 'a9b2',
        case_id_display: 'PR-7f3a',
        nationality: 'AFG',
        registration_date: '2026-02-01',
        status: 'open',
        family_details_section: [
          {
            relation_name: 'Mariam Sadat',
            relation_sex: 'female',
            relation_date_of_birth: '1985-03-10',
            relation_is_caregiver: true,
          },
          {
            relation_name: 'Bilal Sadat',
            relation_sex: 'male',
            relation_date_of_birth: '2012-08-21',
            relation_is_caregiver: false,
          },
        ],
      },
    ];
    const done = await run(store, importForm, {
      mapping: 'primero-cases',
      files: [file('cases.json', JSON.stringify(cases))],
    });
    expect(done).toMatchObject({ ok: true, households: { created: 1 }, persons: { created: 2 } });
  });

  it('refuses a stored mapping that no longer passes its checks with 400, naming the field', async () => {
    await store.db
      .insertInto('import_mappings')
      .values({
        name: 'stale',
        source: 'kobo',
        definition: JSON.stringify({ ...koboMapping, name: 'stale', households: { fields: {} } }),
        updated_by: 'test',
      })
      .execute();
    const e = await refusal(
      run(store, importForm, { mapping: 'stale', files: [file('hh.xlsx', await koboXlsx())] }),
    );
    expect(e.status).toBe(400);
    expect(e.message).toMatch(/mapping stale no longer passes .*household_id/);
  });

  it('refuses a zip bomb by the XLSX limits before inflating it', async () => {
    const started = performance.now();
    const e = await refusal(
      run(store, importForm, {
        mapping: koboMapping.name,
        files: [file('bomb.xlsx', xlsxBomb(1024))],
      }),
    );
    expect(e).toMatchObject({ status: 413, id: 'archive-limit' });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
