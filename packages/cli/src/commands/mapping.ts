/**
 * `corridor mapping save|list|show` and `corridor import kobo FILE… --mapping NAME`: KoBoToolbox /
 * ODK and Primero exports read through a saved form mapping, all or nothing (issue 23 item 4).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  importForm,
  listMappings,
  refusedFormReport,
  saveMapping,
  showMapping,
  type CommandOutput,
  type FormImportReport,
} from '@corridor/commands';
import { errors } from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

function readFile(file: string | undefined): Buffer {
  if (!file || !existsSync(file)) throw errors.invalidInput(`no file at ${file ?? ''}`);
  return readFileSync(file);
}

const n = (x: number) => x.toLocaleString('en');

/** The report as people read it: what was (or would be) written, and every bad row by sheet. */
export function formReportText(r: FormImportReport): string {
  const lines = [
    `${r.file.name} through mapping ${r.mapping} (${r.source}): ${n(r.sheets.households)} households, ${n(r.sheets.members)} members`,
  ];
  if (!r.ok)
    lines.push(
      `REFUSED — ${r.dryRun ? 'nothing would be imported' : 'nothing imported'}: ${r.problems.length} problem(s) in ${r.badRows.length} row(s)`,
      '',
      table(
        ['sheet', 'row', 'column', 'value', 'reason'],
        r.problems.map((p) => [p.sheet, p.row, p.column, p.value, p.reason]),
      ),
    );
  else
    lines.push(
      `${r.written ? 'imported' : 'dry run, nothing written; would import'}:`,
      `  households ${n(r.households.created)} new, ${n(r.households.updated)} updated, ${n(r.households.unchanged)} unchanged`,
      `  persons ${n(r.persons.created)} new, ${n(r.persons.unchanged)} unchanged, ${n(r.persons.queuedAsDuplicates)} kept apart as possible duplicates`,
    );
  if (r.warnings.length > 0) {
    lines.push('', `warnings (${r.warnings.length}):`);
    for (const w of r.warnings.slice(0, 50)) lines.push(`  ${w.message}`);
  }
  return lines.join('\n');
}

type Stored = CommandOutput<typeof showMapping>;

const mappingText = (m: Stored) =>
  `mapping ${m.mapping.name} (${m.mapping.source}), saved by ${m.updatedBy} at ${m.updatedAt}\n` +
  table(
    ['sheet', 'column', 'corridor column'],
    [
      ...Object.entries(m.mapping.households.fields).map(([c, f]) => [
        m.mapping.households.sheet ?? '(first)',
        c,
        f,
      ]),
      ...Object.entries(m.mapping.members?.fields ?? {}).map(([c, f]) => [
        m.mapping.members!.sheet,
        c,
        f,
      ]),
    ],
  ) +
  (m.mapping.ignore.length > 0 ? `\nignored: ${m.mapping.ignore.join(', ')}` : '');

/** Registers `corridor mapping`. */
export function registerMapping(program: Command): void {
  const mapping = program
    .command('mapping')
    .description('saved form mappings for KoBoToolbox / ODK and Primero imports');
  bindCli<CommandOutput<typeof saveMapping>>(
    mapping
      .command('save <file>')
      .description('save (or replace) a mapping from a JSON file (see docs/import.md)')
      .option('--json', 'print JSON'),
    saveMapping,
    ([file]) => {
      try {
        return JSON.parse(readFile(file).toString('utf8')) as unknown;
      } catch (error) {
        if ((error as { id?: string }).id) throw error;
        throw errors.invalidInput(`${file} is not JSON: ${(error as Error).message}`);
      }
    },
    (r) => `mapping ${r.name} ${r.created ? 'saved' : 'replaced'}`,
  );
  bindCli<CommandOutput<typeof listMappings>>(
    mapping.command('list').description('list the saved mappings').option('--json', 'print JSON'),
    listMappings,
    () => ({}),
    (r) =>
      r.mappings.length === 0
        ? 'no mappings saved (corridor mapping save FILE)'
        : table(
            ['name', 'source', 'households sheet', 'members sheet', 'columns', 'saved'],
            r.mappings.map((m) => [
              m.mapping.name,
              m.mapping.source,
              m.mapping.households.sheet ?? '(first)',
              m.mapping.members?.sheet ?? '-',
              Object.keys(m.mapping.households.fields).length +
                Object.keys(m.mapping.members?.fields ?? {}).length,
              m.updatedAt.slice(0, 10),
            ]),
          ),
  );
  bindCli<Stored>(
    mapping.command('show <name>').description('show a mapping').option('--json', 'print JSON'),
    showMapping,
    ([name]) => ({ name }),
    mappingText,
  );
}

/** Registers `corridor import kobo FILE… --mapping NAME` under `corridor import`. */
export function registerFormImport(importCommand: Command): void {
  bindCli<FormImportReport>(
    importCommand
      .command('kobo <file>')
      .aliases(['odk', 'primero'])
      .description(
        'import a KoBoToolbox / ODK export (XLSX with repeat groups, ODK Central’s ZIP of CSV files, or the main CSV with --repeat CSVs) or a Primero case export (CSV, JSON) through a saved mapping; all or nothing',
      )
      .option('--repeat <files...>', 'CSV exports: the repeat groups’ CSV files')
      .requiredOption('--mapping <name>', 'the saved mapping (corridor mapping list)')
      .option('--dry-run', 'check the export and report, write nothing')
      .option('--json', 'print the report as JSON'),
    importForm,
    ([file], o) => ({
      mapping: o.mapping,
      files: [file, ...((o.repeat as string[] | undefined) ?? [])].map((f) => ({
        name: basename(f ?? ''),
        content: readFile(f).toString('base64'),
      })),
      // `corridor import` has its own --dry-run, which commander may hand to it instead.
      ...(o.dryRun || importCommand.opts().dryRun ? { dryRun: true } : {}),
    }),
    formReportText,
    { progress: 'import', refusal: refusedFormReport },
  );
}
