/** `corridor report --out FILE.pdf`: the A4 situation report (M10); `--json` prints its content. */
import { writeFileSync } from 'node:fs';
import { errors, type SituationReport } from '@corridor/core';
import { situationReport } from '@corridor/commands';
import { situationPdf } from '@corridor/formats';
import type { Command } from 'commander';
import { output, withStore } from '../context.js';

function summary(r: SituationReport, file: string | undefined): string {
  return [
    `situation report of ${r.operation.name} as of ${r.today}${file ? ` written to ${file}` : ''}`,
    `${r.persons} registered, ${r.moved} moved out, ${r.remaining} still in the camp; ${r.ahead.length} movements ahead; ${r.incidents.total} incidents`,
  ].join('\n');
}

/** Registers `corridor report`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'the situation report: operation status, people moved and remaining, by destination, timetable ahead, hazard and exposure, incidents (A4 PDF)',
    )
    .option('--out <file>', 'PDF file to write')
    .option('--date <day>', 'the day the report is about, YYYY-MM-DD (default: today)')
    .option('--json', 'print the report’s content as JSON (with or without --out)')
    .action(async (o: { out?: string; date?: string; json?: boolean }, command: Command) => {
      const today = o.date ?? new Date().toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
        throw errors.invalidInput(`--date must be YYYY-MM-DD, not "${today}"`);
      if (!o.out && !o.json) throw errors.invalidInput('give --out FILE.pdf (or --json)');
      const report = await withStore(command, false, (store) => situationReport(store, today));
      if (o.out) writeFileSync(o.out, await situationPdf(report), { mode: 0o600 });
      output(command, report, () => summary(report, o.out));
    });
}
