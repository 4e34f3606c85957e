/** Form exports laid out as registry rows: a flat export, truncated sheet names, problems named back at their sheet. */
import { describe, expect, it } from 'vitest';
import { FormMappingSchema } from './form-mapping.js';
import { formToRegistry, type FormSheet } from './form-rows.js';

const sheet = (name: string, header: string[], rows: string[][]): FormSheet => ({
  name,
  header,
  headerRow: 1,
  rows: rows.map((cells, k) => ({ row: k + 2, cells })),
});

describe('formToRegistry', () => {
  it('lays out a flat Primero CSV export as one person per household', () => {
    const mapping = FormMappingSchema.parse({
      name: 'primero-flat',
      source: 'primero',
      households: {
        fields: {
          case_id_display: 'household_id',
          nationality: 'origin_country',
          name_first: 'given_name',
          name_last: 'family_name',
          sex: 'sex',
        },
      },
      ignore: ['registration_date'],
    });
    const form = formToRegistry(
      [
        sheet(
          'cases',
          ['case_id_display', 'nationality', 'name_first', 'name_last', 'sex', 'registration_date'],
          [
            ['PR-1', 'AFG', 'Mariam', 'Sadat', 'female', '2026-01-01'],
            ['PR-2', 'SYR', 'Omar', 'Khalil', 'male', '2026-01-02'],
          ],
        ),
      ],
      mapping,
    );
    expect(form.problems).toEqual([]);
    expect(form.data.header).toEqual([
      'household_id',
      'origin_country',
      'person_id',
      'given_name',
      'family_name',
      'sex',
    ]);
    expect([...(form.data.rows as Iterable<{ cells: string[] }>)].map((r) => r.cells)).toEqual([
      ['PR-1', 'AFG', 'PR-1-1', 'Mariam', 'Sadat', 'female'],
      ['PR-2', 'SYR', 'PR-2-1', 'Omar', 'Khalil', 'male'],
    ]);
    // A registry problem on row 2 names the sheet's row 3 and the export's column.
    expect(form.locate({ row: 2, column: 'sex', value: 'q', reason: 'is also on row 1' })).toEqual({
      sheet: 'cases',
      row: 3,
      column: 'sex',
      value: 'q',
      reason: 'is also on cases row 2',
    });
  });

  it('finds a repeat group whose sheet name Excel cut at 31 characters', () => {
    const mapping = FormMappingSchema.parse({
      name: 'long',
      source: 'kobo',
      households: { fields: { hh: 'household_id' } },
      members: { sheet: 'household_members_repeat_group_v2', fields: { n: 'full_name' } },
    });
    const form = formToRegistry(
      [
        sheet('Form', ['hh', '_index'], [['H-1', '1']]),
        sheet('household_members_repeat_group_', ['n', '_parent_index'], [['Ana Lima', '1']]),
        sheet('assets', ['kind', '_parent_index'], [['goat', '1']]),
      ],
      mapping,
    );
    expect(form.problems).toEqual([]);
    expect(form.members).toBe(1);
    // A repeat group the mapping does not read is said, not silently dropped.
    expect(form.warnings).toEqual([
      {
        row: null,
        column: null,
        message: 'sheet assets is not in mapping long and is not imported',
      },
    ]);
  });

  it('makes the head asked on the households sheet the first member, before the repeat group', () => {
    const mapping = FormMappingSchema.parse({
      name: 'head-on-main',
      source: 'kobo',
      households: {
        fields: {
          hh: 'household_id',
          origin: 'origin_country',
          hoh_name: 'full_name',
          hoh_sex: 'sex',
        },
      },
      members: { sheet: 'others', fields: { name: 'full_name', sex: 'sex' } },
    });
    const form = formToRegistry(
      [
        sheet(
          'Form',
          ['hh', 'origin', 'hoh_name', 'hoh_sex', '_index'],
          [
            ['H-1', 'IRQ', 'Ana Lima', 'F', '1'],
            ['H-2', 'IRQ', 'Ben Ode', 'M', '2'],
          ],
        ),
        sheet('others', ['name', 'sex', '_parent_index'], [['Caio Lima', 'M', '1']]),
      ],
      mapping,
    );
    expect(form.problems).toEqual([]);
    expect(form.data.header).toEqual([
      'household_id',
      'origin_country',
      'person_id',
      'is_head',
      'full_name',
      'sex',
    ]);
    expect([...(form.data.rows as Iterable<{ cells: string[] }>)].map((r) => r.cells)).toEqual([
      ['H-1', 'IRQ', 'H-1-1', 'yes', 'Ana Lima', 'F'],
      ['H-1', 'IRQ', 'H-1-2', 'no', 'Caio Lima', 'M'],
      ['H-2', 'IRQ', 'H-2-1', 'yes', 'Ben Ode', 'M'],
    ]);
    // A problem of the head names the households sheet's column; of a member, the group's.
    const bad = { column: 'sex', value: 'q', reason: 'is not a sex' };
    expect(form.locate({ row: 1, ...bad })).toMatchObject({
      sheet: 'Form',
      row: 2,
      column: 'hoh_sex',
    });
    expect(form.locate({ row: 2, ...bad })).toMatchObject({
      sheet: 'others',
      row: 2,
      column: 'sex',
    });
  });

  it('refuses mappings that name no Corridor column, map one twice or mix levels', () => {
    const bad = FormMappingSchema.safeParse({
      name: 'bad',
      source: 'kobo',
      households: { fields: { a: 'household_id', c: 'household_id' } },
      members: { sheet: 'm', fields: { d: 'priority' } },
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message).join('\n');
    expect(messages).toMatch(/household_id is mapped from more than one column/);
    expect(messages).toMatch(/priority is a household column/);
    const unknown = FormMappingSchema.safeParse({
      name: 'unknown',
      source: 'odk',
      households: { fields: { a: 'household_id', e: 'nickname' } },
    });
    expect(unknown.error?.issues).toEqual([
      expect.objectContaining({
        path: ['households', 'fields', 'e'],
        message: 'is not a Corridor column (docs/import.md)',
      }),
    ]);
  });
});
