/** `corridor incident add|list|import` and `corridor hazard`: the incident log and the hazard it implies (M8). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  defaultHazardPrior,
  errors,
  incidentTypes,
  maySee,
  redactIncident,
  type HazardDay,
  type Incident,
  type Role,
} from '@corridor/core';
import { hazardEstimate } from '@corridor/commands';
import { restoreFormula } from '@corridor/storage';
import type { Command } from 'commander';
import { parse } from 'csv-parse/sync';
import { actorOf, output, withStore } from '../context.js';
import { table } from '../format.js';
import { bindCli } from '../run-command.js';
import { incidentsCsv } from './incident-export.js';

/** Column names (plain or HXL hashtag) → incident field. */
const columns: Record<string, keyof Incident> = {
  id: 'id',
  '#event+id': 'id',
  type: 'type',
  '#event+type': 'type',
  at: 'at',
  date: 'at',
  '#date': 'at',
  timezone: 'timezone',
  site: 'site',
  location: 'site',
  '#loc+name': 'site',
  lat: 'lat',
  '#geo+lat': 'lat',
  lon: 'lon',
  '#geo+lon': 'lon',
  injured: 'injured',
  '#affected+injured': 'injured',
  killed: 'killed',
  '#affected+killed': 'killed',
  source: 'source',
  '#meta+source': 'source',
  confidence: 'confidence',
  '#meta+confidence': 'confidence',
  narrative: 'narrative',
  '#description': 'narrative',
  cases: 'cases',
  '#x_cases': 'cases',
};

/** Reads an incidents CSV (plain headers, HXL hashtags, or both); every bad row is reported, nothing is kept. */
export function readIncidentsCsv(text: string, timezone: string): Incident[] {
  const rows = parse(text, {
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as string[][];
  if (rows.length === 0) throw errors.invalidInput('the file is empty');
  let header = rows[0]!.map((h) => h.toLowerCase());
  let start = 1;
  if (rows[1]?.some((c) => c.startsWith('#'))) {
    header = rows[1]!.map((h, k) =>
      columns[h.toLowerCase()] ? h.toLowerCase() : (header[k] ?? ''),
    );
    start = 2;
  } else if (header.some((h) => h.startsWith('#'))) {
    // A hashtag row alone.
  }
  const fields = header.map((h) => columns[h]);
  const problems: string[] = [];
  const out: Incident[] = [];
  rows.slice(start).forEach((row, k) => {
    const line = k + start + 1;
    const get = (f: keyof Incident) => {
      const i = fields.indexOf(f);
      return i >= 0 ? restoreFormula((row[i] ?? '').trim()) : '';
    };
    const num = (f: keyof Incident, fallback: number | null) => {
      const v = get(f);
      if (v === '') return fallback;
      const n = Number(v);
      if (!Number.isFinite(n))
        problems.push(`row ${line}, column ${String(f)}: "${v}" is not a number`);
      return n;
    };
    const incident = {
      // Without an id column, an id from the time and the row keeps re-imports from colliding silently.
      id:
        get('id') ||
        `I-${get('at')
          .replace(/[^0-9]/g, '')
          .slice(0, 12)}-${line}`,
      type: get('type') as Incident['type'],
      at: get('at'),
      timezone: get('timezone') || timezone,
      site: get('site'),
      lat: num('lat', null),
      lon: num('lon', null),
      injured: num('injured', 0) ?? 0,
      killed: num('killed', 0) ?? 0,
      source: get('source'),
      confidence: (get('confidence') || 'unverified') as Incident['confidence'],
      narrative: get('narrative') || null,
      cases: get('cases')
        .split(/[\s;]+/)
        .filter(Boolean),
    };
    if (!incidentTypes.includes(incident.type))
      problems.push(
        `row ${line}, column type: "${incident.type}" is not one of ${incidentTypes.join(', ')}`,
      );
    if (incident.injured < 0 || incident.killed < 0)
      problems.push(`row ${line}: casualties cannot be negative`);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(incident.at) ||
      Number.isNaN(Date.parse(incident.at))
    ) {
      problems.push(
        `row ${line}, column at: "${incident.at}" is not an ISO 8601 date-time with an offset`,
      );
    }
    if (!incident.site) problems.push(`row ${line}, column site: required`);
    out.push(incident);
  });
  if (problems.length > 0)
    throw errors.invalidInput(
      `nothing imported; ${problems.length} problem(s): ${problems.join('; ')}`,
      problems,
    );
  return out;
}

/** Registers `corridor incident` and `corridor hazard`. */
export function registerIncident(program: Command): void {
  const incident = program
    .command('incident')
    .description('the incident log (indirect fire, assaults, threats, confiscations, …)');
  incident
    .command('list')
    .description('list incidents, oldest first')
    .option('--json', 'print JSON')
    .action(async (_opts, command: Command) => {
      const role = actorOf(command).role as Role;
      const list = (await withStore(command, false, (store) => store.incidents.list())).map((i) =>
        redactIncident(i, role),
      );
      output(command, list, () =>
        table(
          ['incident', 'type', 'at', 'site', 'injured', 'killed', 'confidence'],
          list.map((i) => [i.id, i.type, i.at, i.site, i.injured, i.killed, i.confidence]),
        ),
      );
    });
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
    .option('--json', 'print JSON')
    .action(async (o: Record<string, string>, command: Command) => {
      const added = await withStore(command, false, async (store) => {
        const op = await store.registry.operation();
        if (!op) throw errors.noOperation();
        const record = {
          id: o.id!,
          type: o.type as Incident['type'],
          at: o.at!,
          timezone: o.timezone ?? op.timezone,
          site: o.site!,
          lat: o.lat === undefined ? null : Number(o.lat),
          lon: o.lon === undefined ? null : Number(o.lon),
          injured: Number(o.injured),
          killed: Number(o.killed),
          source: o.source ?? '',
          confidence: o.confidence as Incident['confidence'],
          narrative: o.narrative ?? null,
          cases: (o.cases ?? '')
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        };
        await store.incidents.add([record], actorOf(command));
        return record;
      });
      output(command, added, () => `incident ${added.id} recorded`);
    });
  incident
    .command('import <file>')
    .description(
      'import incidents from CSV (plain headers or HXL hashtags: #event+type, #date, #loc+name, #affected+killed, #affected+injured, #meta+source, #meta+confidence); all or nothing',
    )
    .option('--json', 'print JSON')
    .action(async (file: string, _opts, command: Command) => {
      if (!existsSync(file)) throw errors.invalidInput(`no file at ${file}`);
      const count = await withStore(command, false, async (store) => {
        const op = await store.registry.operation();
        if (!op) throw errors.noOperation();
        const list = readIncidentsCsv(readFileSync(file, 'utf8'), op.timezone);
        await store.incidents.add(list, actorOf(command));
        return list.length;
      });
      output(command, { imported: count }, () => `${count} incidents imported`);
    });

  incident
    .command('export')
    .description(
      'write the log as CSV (`--hxl` adds the HXL hashtag row; `incident import` reads it back); narratives only with --narratives and a role that may read them',
    )
    .option('--format <format>', 'csv (the only format)', 'csv')
    .option('--hxl', 'add the HXL hashtag row under the header')
    .option('--narratives', 'include the protected narratives')
    .option('--out <file>', 'file to write (default: standard output)')
    .option('--json', 'with --out: print what was written as JSON')
    .action(
      async (
        o: { format: string; hxl?: boolean; narratives?: boolean; out?: string },
        command: Command,
      ) => {
        if (o.format !== 'csv')
          throw errors.invalidInput(`--format must be csv, not "${o.format}"`);
        const role = actorOf(command).role as Role;
        if (o.narratives && !maySee(role, 'incidentNarrative'))
          throw errors.forbidden(`role ${role} may not read incident narratives`);
        const list = await withStore(command, false, (store) => store.incidents.list());
        const csv = incidentsCsv(list, Boolean(o.hxl), Boolean(o.narratives));
        if (!o.out) return void process.stdout.write(csv);
        writeFileSync(o.out, csv, { mode: 0o600 });
        output(
          command,
          { file: o.out, incidents: list.length },
          () => `${list.length} incidents written to ${o.out}`,
        );
      },
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
