/** `corridor report --out FILE.pdf`: the A4 situation report (M10); `--json` prints its content. */
import { reportSituation } from '@corridor/commands';
import { errors, type SituationReport } from '@corridor/core';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

function summary(r: SituationReport & { file?: string }): string {
  return [
    `situation report of ${r.operation.name} as of ${r.today}${r.file ? ` written to ${r.file}` : ''}`,
    `${r.persons} registered, ${r.moved} moved out, ${r.remaining} still in the camp; ${r.ahead.length} movements ahead; ${r.incidents.total} incidents`,
  ].join('\n');
}

/** Registers `corridor report`. */
export function registerReport(program: Command): void {
  bindCli<SituationReport & { file?: string }>(
    program
      .command('report')
      .description(
        'the situation report: operation status, people moved and remaining, by destination, timetable ahead, hazard and exposure, incidents (A4 PDF)',
      )
      .option('--out <file>', 'PDF file to write')
      .option('--date <day>', 'the day the report is about, YYYY-MM-DD (default: today)')
      .option('--json', 'print the report’s content as JSON (with or without --out)'),
    reportSituation,
    (_, o) => {
      const today = o.date === undefined ? new Date().toISOString().slice(0, 10) : String(o.date);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
        throw errors.invalidInput(`--date must be YYYY-MM-DD, not "${today}"`);
      if (!o.out && !o.json) throw errors.invalidInput('give --out FILE.pdf (or --json)');
      return { date: today };
    },
    summary,
    { file: { stdout: false } },
  );
}
