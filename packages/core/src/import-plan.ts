/** Turns a whole registry file into an import plan, and describes what an import did. */
import { layoutColumns, type ImportProblem, type ImportWarning } from './import-layout.js';
import {
  ImportValidator,
  type ImportContext,
  type ImportPlan,
  type PlannedPerson,
} from './import-validate.js';
import {
  DestinationSchema,
  PledgeSchema,
  type Destination,
  type Operation,
  type Pledge,
} from './schemas.js';
import { addDays, type Iso3, type IsoDate } from './units.js';

/** One data row of a file: its row number as a spreadsheet shows it, and its cells as text. */
export interface RawRow {
  row: number;
  cells: string[];
}

/** A registry file as read: header and hashtag rows, the data rows, and any destinations. */
export interface RegistryFileData {
  header: string[] | null;
  hxl: string[] | null;
  /** The row number of the last row before the data. */
  headerRow: number;
  rows: AsyncIterable<RawRow> | Iterable<RawRow>;
  /** Destinations and pledges (JSON files only), written before the registry rows. */
  destinations?: unknown[];
  pledges?: unknown[];
}

/** An import plan with the destinations and pledges it adds. */
export interface FullImportPlan extends ImportPlan {
  destinations: Destination[];
  pledges: Pledge[];
}

function zodProblems(
  list: unknown[] | undefined,
  schema: typeof DestinationSchema | typeof PledgeSchema,
  what: string,
  problems: ImportProblem[],
) {
  const out: unknown[] = [];
  (list ?? []).forEach((item, k) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) out.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          row: k + 1,
          column: `${what}.${issue.path.join('.') || '(record)'}`,
          value: '',
          reason: issue.message,
        });
  });
  return out;
}

/**
 * Reads every row through the validator, then checks the file against the database context.
 * Destinations in the file are checked too and count as known for the preferences column.
 */
export async function planImport(
  data: RegistryFileData,
  context: ImportContext,
): Promise<FullImportPlan> {
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  const destinations = zodProblems(
    data.destinations,
    DestinationSchema,
    'destinations',
    problems,
  ) as Destination[];
  const fresh = destinations.filter((d) => {
    if (!context.destinations.has(d.id)) return true;
    warnings.push({
      row: null,
      column: null,
      message: `destination ${d.id} already exists; it and its pledges are left as they are`,
    });
    return false;
  });
  const freshIds = new Set(fresh.map((d) => d.id));
  const pledges = (zodProblems(data.pledges, PledgeSchema, 'pledges', problems) as Pledge[]).filter(
    (p) => freshIds.has(p.destinationId),
  );
  const hasRows = data.header !== null || data.hxl !== null;
  if (!hasRows) {
    for await (const _ of data.rows) break;
    return {
      kind: 'households',
      rows: 0,
      households: [],
      persons: [],
      links: [],
      ties: [],
      preferences: [],
      problems,
      warnings,
      destinations: fresh,
      pledges,
    };
  }
  const layout = layoutColumns(data.header, data.hxl, data.headerRow);
  const validator = new ImportValidator(
    layout.layout,
    [...problems, ...layout.problems],
    [...warnings, ...layout.warnings],
  );
  for await (const r of data.rows) validator.add(r.row, r.cells);
  const plan = validator.finish({
    ...context,
    destinations: new Set([...context.destinations, ...freshIds]),
  });
  return { ...plan, destinations: fresh, pledges };
}

/** What an import did or, on a dry run or a refused file, would have done. */
export interface ImportReport {
  /** True when the file is valid (and, unless a dry run, was written). */
  ok: boolean;
  dryRun: boolean;
  written: boolean;
  file: { name: string; sha256: string; format: string };
  kind: 'persons' | 'households';
  rows: number;
  households: { created: number; updated: number; unchanged: number };
  persons: { created: number; unchanged: number; queuedAsDuplicates: number };
  documents: number;
  needs: number;
  links: number;
  ties: number;
  preferences: number;
  destinations: number;
  /** New pairs in the duplicates review queue (never merged without a decision). */
  duplicatePairs: number;
  operation: { id: string; name: string; created: boolean } | null;
  /** Rows with at least one problem, in order. */
  badRows: number[];
  problems: ImportProblem[];
  warnings: ImportWarning[];
}

/** The report of a plan: `persons` are the records to write, `sameId` of them kept under new ids. */
export function importReportOf(
  plan: FullImportPlan,
  file: ImportReport['file'],
  dryRun: boolean,
  persons: { toWrite: readonly PlannedPerson[]; unchanged: number; sameId: number },
  operation: ImportReport['operation'],
): ImportReport {
  return {
    ok: plan.problems.length === 0,
    dryRun,
    written: false,
    file,
    kind: plan.kind,
    rows: plan.rows,
    households: {
      created: plan.households.filter((h) => h.isNew).length,
      updated: plan.households.filter((h) => !h.isNew && h.changed.length > 0).length,
      unchanged: plan.households.filter((h) => !h.isNew && h.changed.length === 0).length,
    },
    persons: {
      created: persons.toWrite.length - persons.sameId,
      unchanged: persons.unchanged,
      queuedAsDuplicates: persons.sameId,
    },
    documents: persons.toWrite.filter((p) => p.document).length,
    needs: persons.toWrite.reduce((n, p) => n + p.needs.length, 0),
    links: plan.links.length,
    ties: plan.ties.reduce((n, t) => n + t.ties.length, 0),
    preferences: plan.preferences.reduce((n, p) => n + p.preferences.length, 0),
    destinations: plan.destinations.length,
    duplicatePairs: 0,
    operation,
    badRows: [...new Set(plan.problems.map((p) => p.row))].sort((a, b) => a - b),
    problems: plan.problems,
    warnings: plan.warnings,
  };
}

/** How to create the operation when a file is imported into an empty database. */
export interface NewOperationOptions {
  name: string;
  campName?: string;
  campCountry?: string;
  airportCode?: string;
  timezone?: string;
  windowStart?: string;
  windowEnd?: string;
}

/** Defaults for an operation created by an import: the reference camp near Baghdad airport. */
export const importOperationDefaults = {
  campName: 'Camp',
  campCountry: 'IRQ',
  airportCode: 'BGW',
  timezone: 'Asia/Baghdad',
  windowDays: 730,
} as const;

/** The operation name a file suggests: its name without folder and extension. */
export function operationNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return (
    base
      .replace(/\.[^.]*$/, '')
      .replace(/[_]+/g, ' ')
      .trim() || 'Imported operation'
  );
}

/** The operation to create from options and defaults; the window starts `today`. */
export function newOperation(options: NewOperationOptions, today: IsoDate): Operation {
  const slug =
    options.name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'operation';
  const start = (options.windowStart ?? today) as IsoDate;
  return {
    id: slug,
    name: options.name.slice(0, 200),
    campName: options.campName ?? importOperationDefaults.campName,
    campCountry: (options.campCountry ?? importOperationDefaults.campCountry) as Iso3,
    airportCode: options.airportCode ?? importOperationDefaults.airportCode,
    timezone: options.timezone ?? importOperationDefaults.timezone,
    windowStart: start,
    windowEnd: (options.windowEnd ?? addDays(start, importOperationDefaults.windowDays)) as IsoDate,
    isDemo: false,
  };
}
