/** `corridor incident add|list|import` and `corridor hazard`: the incident log and the hazard it implies (M8). */
import { existsSync, readFileSync } from 'node:fs';
import {
  addIncident,
  exportIncidents,
  hazardEstimate,
  importIncidents,
  listIncidents,
} from '@corridor/commands';
import {
  defaultHazardPrior,
  errors,
  incidentTypes,
  type HazardDay,
  type Incident,
} from '@corridor/core';
import type { Command } from 'commander';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';

/** Registers `corridor incident` and `corridor hazard`. */
export function registerIncident(program: Command): void {
  const incident = program
    .command('incident')
    .description('the incident log (indirect fire, assaults, threats, confiscations, …)');
  bindCli<Incident[]>(
    incident
      .command('list')
      .description('list incidents, oldest first')
      .option('--json', 'print JSON'),
    listIncidents,
    () => ({}),
    (list) =>
      table(
        ['incident', 'type', 'at', 'site', 'injured', 'killed', 'confidence'],
        list.map((i) => [i.id, i.type, i.at, i.site, i.injured, i.killed, i.confidence]),
      ),
  );
  bindCli<Incident>(
    incident
      .command('add')
      .description('record one incident')
      .requiredOption('--id <id>', 'incident id')
      .requiredOption('--type <type>', incidentTypes.join(', '))
      .requiredOption('--at <datetime>', 'ISO 8601 with offset, e.g. 2031-06-25T21:10:00+03:00')
      .requiredOption('--site <name>', 'where')
      .option('--injured <n>', 'people injured', '0')
      .option('--killed <n>', 'people killed', '0')
      .option('--source <text>', 'who reported it', '')
      .option('--confidence <level>', 'verified, credible or unverified', 'unverified')
      .option('--narrative <text>', 'what happened (stored encrypted)')
      .option('--lat <degrees>', 'latitude (WGS 84)')
      .option('--lon <degrees>', 'longitude (WGS 84)')
      .option('--timezone <zone>', 'IANA time zone of the place (default: the operation’s)')
      .option('--cases <ids>', 'affected cases, comma-separated')
      .option('--json', 'print JSON'),
    addIncident,
    (_args, o: Record<string, unknown>) => ({
      id: o.id,
      type: o.type,
      at: o.at,
      timezone: o.timezone,
      site: o.site,
      lat: o.lat === undefined ? null : Number(o.lat),
      lon: o.lon === undefined ? null : Number(o.lon),
      injured: Number(o.injured),
      killed: Number(o.killed),
      source: o.source ?? '',
      confidence: o.confidence,
      narrative: o.narrative ?? null,
      cases: String(o.cases ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    }),
    (added) => `incident ${added.id} recorded`,
  );
  bindCli<{ imported: number }>(
    incident
      .command('import <file>')
      .description(
        'import incidents from CSV (plain headers or HXL hashtags: #event+type, #date, #loc+name, #affected+killed, #affected+injured, #meta+source, #meta+confidence); all or nothing',
      )
      .option('--json', 'print JSON'),
    importIncidents,
    ([file]) => {
      if (!file || !existsSync(file)) throw errors.invalidInput(`no file at ${file}`);
      return { csv: readFileSync(file, 'utf8') };
    },
    (r) => `${r.imported} incidents imported`,
  );

  bindCli<{ file?: string; incidents: number; bytes: number }>(
    incident
      .command('export')
      .description(
        'write the log as CSV (`--hxl` adds the HXL hashtag row; `incident import` reads it back); narratives only with --narratives and a role that may read them',
      )
      .option('--format <format>', 'csv (the only format)', 'csv')
      .option('--hxl', 'add the HXL hashtag row under the header')
      .option('--narratives', 'include the protected narratives')
      .option('--out <file>', 'file to write (default: standard output)')
      .option('--json', 'with --out: print what was written as JSON'),
    exportIncidents,
    (_args, o) => ({
      format: o.format,
      hxl: o.hxl ? 'true' : undefined,
      narratives: o.narratives ? 'true' : undefined,
    }),
    (w) => `${w.incidents} incidents written to ${w.file}`,
    { file: { stdout: true } },
  );

  bindCli<HazardDay[]>(
    program
      .command('hazard')
      .description(
        'daily incident rate at the camp from the log (Poisson–Gamma with forgetting): mean and 90% upper quantile',
      )
      .option('--from <day>', 'first day (default: the operation’s first day)')
      .option('--to <day>', 'last day (default: the operation’s last day)')
      .option(
        '--prior-rate <n>',
        'expected incidents per day before any data',
        String(defaultHazardPrior),
      )
      .option('--json', 'print JSON'),
    hazardEstimate,
    (_args, o) => ({ from: o.from, to: o.to, priorRate: o.priorRate }),
    (days) => {
      const notable = days.filter(
        (d, k) => d.observed > 0 || k === 0 || k === days.length - 1 || days[k - 1]!.observed > 0,
      );
      return table(
        ['day', 'observed', 'mean per day', '90% upper'],
        notable.map((d) => [d.day, d.observed.toFixed(2), d.mean.toFixed(4), d.upper90.toFixed(4)]),
      );
    },
  );
}
