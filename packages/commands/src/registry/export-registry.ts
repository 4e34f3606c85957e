/** Gathers what an export holds from the store and writes it as CSV, XLSX or JSON. */
import {
  errors,
  householdRows,
  personRows,
  planRows,
  type ExportTable,
  type PlanRowInput,
} from '@corridor/core';
import {
  exportFile,
  type ExportContent,
  type ExportKind,
  type ExportOptions,
} from '@corridor/formats';
import type { Store } from '@corridor/storage';

async function planTable(store: Store, kind: 'plan' | 'timetable'): Promise<ExportTable> {
  const plan =
    kind === 'plan'
      ? ((await store.plans.current('allocation')) ?? (await store.plans.current('joint')))
      : ((await store.plans.current('timetable')) ?? (await store.plans.current('joint')));
  if (!plan)
    throw errors.notFound(kind === 'plan' ? 'current allocation plan' : 'current timetable', '');
  const sizes = await store.registry.householdSizes();
  const departs = new Map((await store.movements.list()).map((m) => [m.id, m.departAt]));
  const rows: PlanRowInput[] = plan.assignments.map((a) => ({
    ...a,
    persons: sizes.get(a.householdId) ?? 0,
    departAt: a.movementId ? (departs.get(a.movementId) ?? null) : null,
  }));
  return planRows(rows, kind === 'timetable');
}

/** What an export of `kind` holds, read from the store. */
export async function exportContent(
  store: Store,
  kind: ExportKind,
  options: Pick<ExportOptions, 'redact'>,
): Promise<ExportContent> {
  return (await exportContentWithPersons(store, kind, options)).content;
}

/** What an export holds, with the persons it carries (none for plans and destinations). */
export async function exportContentWithPersons(
  store: Store,
  kind: ExportKind,
  options: Pick<ExportOptions, 'redact'> & { householdIds?: readonly string[] },
): Promise<{
  content: ExportContent;
  persons: { personId: string; householdId: string }[];
}> {
  if (kind === 'persons' || kind === 'households') {
    const snapshot = await store.registry.snapshot(options.householdIds);
    const persons = snapshot.persons.map((p) => ({ personId: p.id, householdId: p.householdId }));
    const table =
      kind === 'persons'
        ? personRows(snapshot, { redact: Boolean(options.redact) })
        : householdRows(snapshot);
    return { content: { kind, table }, persons };
  }
  return { content: await contentWithoutPersons(store, kind), persons: [] };
}

async function contentWithoutPersons(
  store: Store,
  kind: Exclude<ExportKind, 'persons' | 'households'>,
): Promise<ExportContent> {
  switch (kind) {
    case 'destinations':
      return {
        kind,
        destinations: await store.registry.destinations(),
        pledges: await store.registry.pledges(),
      };
    default:
      return { kind, table: await planTable(store, kind) };
  }
}

/** The export as bytes, ready to write to a file or to stdout. */
export async function exportRegistry(
  store: Store,
  kind: ExportKind,
  options: ExportOptions,
): Promise<Buffer> {
  return (await exportRegistryWithPersons(store, kind, options)).content;
}

/** The export as bytes, with the persons it carries, for the disclosure log. */
export async function exportRegistryWithPersons(
  store: Store,
  kind: ExportKind,
  options: ExportOptions & { householdIds?: readonly string[] },
): Promise<{ content: Buffer; persons: { personId: string; householdId: string }[] }> {
  if (kind === 'destinations' && options.format !== 'json')
    throw errors.invalidInput('destinations are exported as JSON only (--format json)');
  const { content, persons } = await exportContentWithPersons(store, kind, options);
  return { content: await exportFile(content, options), persons };
}
