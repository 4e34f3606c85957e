/** `corridor import FILE`: validates a whole registry file, then writes all of it or nothing (M2). */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { errors, type ImportReport } from '@corridor/core';
import { importRefusal, importRegistryFile, refusedImportReport } from '@corridor/commands';
import { validateFile } from '@corridor/formats';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { registerFormImport } from './mapping.js';

interface ImportCliOptions {
  format?: string;
  dryRun?: boolean;
  operation?: string;
  camp?: string;
  campCountry?: string;
  airport?: string;
  timezone?: string;
  windowStart?: string;
  windowEnd?: string;
}

const n = (x: number) => x.toLocaleString('en');

/** The report as people read it: what was (or would be) written, and every bad row. */
export function importReportText(r: ImportReport): string {
  const what =
    r.rows === 0 && r.destinations > 0 ? 'destinations file' : `${n(r.rows)} rows, ${r.kind} file`;
  const head = `${r.file.name} (${r.file.format}, sha256 ${r.file.sha256.slice(0, 16)}…): ${what}`;
  const lines = [head];
  if (!r.ok) {
    lines.push(
      `REFUSED — ${r.dryRun ? 'nothing would be imported' : 'nothing imported'}: ${r.problems.length} problem(s) in ${r.badRows.length} row(s)`,
      '',
      table(
        ['row', 'column', 'value', 'reason'],
        r.problems.map((p) => [p.row, p.column, p.value, p.reason]),
      ),
    );
  } else {
    const verb = r.written ? 'imported' : 'dry run, nothing written; would import';
    const op = r.operation
      ? ` into operation ${r.operation.name}${r.operation.created ? ' (created)' : ''}`
      : '';
    lines.push(
      `${verb}${op}:`,
      `  households ${n(r.households.created)} new, ${n(r.households.updated)} updated, ${n(r.households.unchanged)} unchanged`,
      `  persons ${n(r.persons.created)} new, ${n(r.persons.unchanged)} unchanged, ${n(r.persons.queuedAsDuplicates)} kept apart as possible duplicates`,
      `  documents ${n(r.documents)}, needs ${n(r.needs)}, links ${n(r.links)}, ties ${n(r.ties)}, preferences ${n(r.preferences)}, destinations ${n(r.destinations)}`,
      ...(r.written
        ? [`  ${n(r.duplicatePairs)} pair(s) queued for duplicate review (corridor dedup list)`]
        : []),
    );
  }
  if (r.warnings.length > 0) {
    lines.push('', `warnings (${r.warnings.length}):`);
    for (const w of r.warnings.slice(0, 50))
      lines.push(`  ${w.row ? `row ${w.row}: ` : ''}${w.message}`);
    if (r.warnings.length > 50) lines.push(`  … ${r.warnings.length - 50} more (see --json)`);
  }
  return lines.join('\n');
}

/** The command's input from `corridor import FILE [options]`: the file's bytes travel base64-encoded. */
function importInput(file: string | undefined, o: ImportCliOptions) {
  if (!file || !existsSync(file)) throw errors.invalidInput(`no file at ${file ?? ''}`);
  // The report names the file as it was given, as it always has (the API takes a bare name).
  const name = file.length <= 255 ? file : basename(file);
  const operation =
    o.operation ||
    o.camp ||
    o.campCountry ||
    o.airport ||
    o.timezone ||
    o.windowStart ||
    o.windowEnd
      ? {
          name: o.operation ?? basename(file).replace(/\.[^.]*$/, ''),
          ...(o.camp ? { campName: o.camp } : {}),
          ...(o.campCountry ? { campCountry: o.campCountry.toUpperCase() } : {}),
          ...(o.airport ? { airportCode: o.airport.toUpperCase() } : {}),
          ...(o.timezone ? { timezone: o.timezone } : {}),
          ...(o.windowStart ? { windowStart: o.windowStart } : {}),
          ...(o.windowEnd ? { windowEnd: o.windowEnd } : {}),
        }
      : undefined;
  return {
    name,
    content: readFileSync(file).toString('base64'),
    ...(o.format ? { format: o.format } : {}),
    ...(o.dryRun ? { dryRun: true } : {}),
    ...(operation ? { operation } : {}),
  };
}

type ImportInput = ReturnType<typeof importInput>;

/** Registers `corridor import`. */
export function registerImport(program: Command): void {
  const command = bindCli<ImportReport>(
    program
      .command('import <file>')
      .description(
        'import persons and households from CSV (plain or HXL-tagged), XLSX or JSON; the whole file is checked first and written all or nothing (see docs/import.md)',
      )
      .option('--format <format>', 'csv, xlsx or json (default: from the file name)')
      .option('--dry-run', 'check the file and report, write nothing')
      .option(
        '--operation <name>',
        'name of the operation to create in an empty database (default: the file name)',
      )
      .option('--camp <name>', 'new operation: camp name (default Camp)')
      .option('--camp-country <iso3>', 'new operation: country of the camp (default IRQ)')
      .option('--airport <iata>', 'new operation: departure airport (default BGW)')
      .option('--timezone <tz>', 'new operation: IANA time zone (default Asia/Baghdad)')
      .option('--window-start <day>', 'new operation: first day (default today)')
      .option('--window-end <day>', 'new operation: last day (default two years on)')
      .option('--json', 'print the report as JSON'),
    importRegistryFile,
    ([file], o) => importInput(file, o as ImportCliOptions),
    (report) => importReportText(report),
    {
      progress: 'import',
      // No database yet: the whole file is checked first, so that a refused file creates nothing.
      createAfter: async (input: ImportInput) => {
        const { content, name, ...options } = input;
        const report = await validateFile(
          { content: Buffer.from(content, 'base64'), name },
          options,
        );
        if (!report.ok) throw importRefusal(report);
        // A dry run is answered by the check alone: it creates no data folder.
        return options.dryRun ? report : undefined;
      },
      refusal: refusedImportReport,
    },
  );
  registerFormImport(command);
}
