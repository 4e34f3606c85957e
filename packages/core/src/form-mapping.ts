/**
 * A saved mapping of one KoBoToolbox / ODK form or Primero case export to Corridor's registry
 * columns: which sheet holds the households, which repeat group the members, and which column
 * of each is which field. Every column of the export must be mapped or listed as ignored.
 */
import { z } from 'zod';
import { importFieldSpecs, type ImportField } from './import-columns.js';

/** Where the export comes from; it sets the default link columns and the system columns. */
export const formSources = ['kobo', 'odk', 'primero'] as const;
/** One export source. */
export type FormSource = (typeof formSources)[number];

const fieldNames = importFieldSpecs.map((s) => s.name) as [ImportField, ...ImportField[]];
const column = z.string().trim().min(1).max(300);
const fields = z
  .record(column, z.enum(fieldNames, { message: 'is not a Corridor column (docs/import.md)' }))
  .describe('source column → Corridor column (docs/import.md lists them)');

/** A form's mapping as saved with `corridor mapping save` and used by `corridor import kobo`. */
export const FormMappingSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'letters, digits, ".", "_" and "-" (at most 80)')
      .describe('the mapping’s name, e.g. the form’s id'),
    source: z.enum(formSources),
    description: z.string().trim().max(500).optional(),
    households: z
      .object({
        sheet: column.optional().describe('the main sheet (default: the first one)'),
        key: column
          .optional()
          .describe(
            'the column the repeat group points at (default _index; ODK KEY; Primero: the record)',
          ),
        fields,
      })
      .strict(),
    members: z
      .object({
        sheet: column.describe('the repeat group’s sheet (or JSON key) holding household members'),
        parentKey: column
          .optional()
          .describe('its column naming the household row (default _parent_index; ODK PARENT_KEY)'),
        fields,
      })
      .strict()
      .optional(),
    ignore: z.array(column).max(2000).default([]).describe('columns of the export not imported'),
    values: z
      .partialRecord(z.enum(fieldNames), z.record(z.string().max(300), z.string().max(300)))
      .optional()
      .describe('per Corridor column, source value → Corridor value (e.g. sex: {"1": "F"})'),
  })
  .strict()
  .superRefine((m, ctx) => {
    const targets = [
      ...Object.values(m.households.fields),
      ...Object.values(m.members?.fields ?? {}),
    ];
    if (!targets.includes('household_id'))
      ctx.addIssue({
        code: 'custom',
        path: ['households', 'fields'],
        message: 'no column is mapped to household_id',
      });
    // The head's questions may be on the households sheet and the others' in the group, so a
    // person column may be mapped once in each; never twice in one sheet.
    for (const part of ['households', 'members'] as const) {
      const mapped = Object.values(m[part]?.fields ?? {});
      for (const t of new Set(mapped.filter((t, k) => mapped.indexOf(t) !== k)))
        ctx.addIssue({
          code: 'custom',
          path: [part, 'fields'],
          message: `${t} is mapped from more than one column`,
        });
    }
    const levelOf = (t: ImportField) => importFieldSpecs.find((s) => s.name === t)?.level;
    for (const [source, target] of Object.entries(m.members?.fields ?? {}))
      if (levelOf(target) === 'household')
        ctx.addIssue({
          code: 'custom',
          path: ['members', 'fields', source],
          message: `${target} is a household column: map it from the households sheet`,
        });
  });

/** A form mapping (parsed: `ignore` present). */
export type FormMapping = z.output<typeof FormMappingSchema>;

/** The columns the repeat group and its households are linked by, for a source. */
export function linkColumns(m: FormMapping): { key: string; parentKey: string } {
  const odk = m.source === 'odk';
  return {
    key: m.households.key ?? (odk ? 'KEY' : '_index'),
    parentKey: m.members?.parentKey ?? (odk ? 'PARENT_KEY' : '_parent_index'),
  };
}

const odkSystem = new Set(
  [
    'KEY',
    'PARENT_KEY',
    'SubmissionDate',
    'meta/instanceID',
    'meta-instanceID',
    'instanceID',
    'SubmitterID',
    'SubmitterName',
    'AttachmentsPresent',
    'AttachmentsExpected',
    'Status',
    'ReviewState',
    'DeviceID',
    'Edits',
    'FormVersion',
  ].map((c) => c.toLowerCase()),
);

/**
 * A column the exporting system adds itself (KoBo's `_id`, `_uuid`, `_index`, `_parent_index`,
 * `_submission_time`…, ODK Central's `KEY`, `SubmissionDate`…): not form data, never "unknown".
 */
export function isSystemColumn(source: FormSource, header: string): boolean {
  const h = header.trim();
  if (h.startsWith('_')) return true;
  return source === 'odk' && odkSystem.has(h.toLowerCase());
}
