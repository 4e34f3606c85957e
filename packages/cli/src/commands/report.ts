/** `corridor report --out FILE.pdf`: the A4 situation report (M10); `--json` prints its content. */
import { reportOutcome, reportSituation, type CommandOutput } from '@corridor/commands';
import { errors, type SituationReport } from '@corridor/core';
import type { Command } from 'commander';
import { bindCli } from '../run-command.js';

function summary(r: SituationReport & { file?: string }): string {
  return [
    `situation report of ${r.operation.name} as of ${r.today}${r.file ? ` written to ${r.file}` : ''}`,
    `${r.persons} registered, ${r.moved} moved out, ${r.remaining} still in the camp; ${r.ahead.length} movements ahead; ${r.incidents.total} incidents`,
  ].join('\n');
}

type OutcomeOut = CommandOutput<typeof reportOutcome>;

const fixed = (n: number) => n.toFixed(2);

/** The outcome comparison for the terminal. */
function outcomeText(o: OutcomeOut): string {
  const causes = Object.entries(o.slips.byCause)
    .filter(([, c]) => c.cases > 0)
    .map(([cause, c]) => `${cause} ${c.cases} cases / ${c.persons} persons`);
  return [
    `what happened against timetable v${o.baseline.version} (plan ${o.baseline.planId}) from ${o.startDay} to ${o.asOf}; now v${o.current.version}`,
    `exposure to date: ${fixed(o.exposure.realised)} realised, ${fixed(o.exposure.planned)} planned${o.exposure.ratio === null ? '' : ` (${fixed(o.exposure.ratio)}×)`} expected person-incidents`,
    `left the camp: ${o.departed.realised} of ${o.departed.planned} planned by ${o.asOf} (${o.persons} persons in the plan)`,
    `slipped: ${o.slips.cases} cases, ${o.slips.persons} persons${causes.length ? `: ${causes.join('; ')}` : ''}`,
  ].join('\n');
}

/** Registers `corridor report`. */
export function registerReport(program: Command): void {
  const report = program.command('report');
  bindCli<OutcomeOut>(
    report
      .command('outcome')
      .description(
        'what happened against the plan: exposure realised and planned, people still at risk by day, slips by cause (no-show, procedure, seat, hazard, destination); as GET /api/report/outcome',
      )
      .option('--as-of <day>', 'compare up to this day, YYYY-MM-DD (default: today)')
      .option('--baseline <plan>', 'the timetable plan id to compare with (default: the first)')
      .option('--json', 'print JSON'),
    reportOutcome,
    (_, o) => ({
      ...(o.asOf === undefined ? {} : { asOf: String(o.asOf) }),
      ...(o.baseline === undefined ? {} : { baseline: String(o.baseline) }),
    }),
    outcomeText,
  );
  bindCli<SituationReport & { file?: string }>(
    report
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
