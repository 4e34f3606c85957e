import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@corridor/storage';
import { backends, tempDir } from '@corridor/storage/test-support';
import { exportRegistry } from './export-registry.js';
import { validateFile } from '@corridor/formats';
import { importFile } from './import-file.js';
import {
  buildRoster,
  rosterCsv,
  rosterIndex,
  type RosterColumn,
} from '@corridor/formats/test-support';

const registrar = { name: 'test-registrar', role: 'registrar' };

async function counts(store: Store) {
  const n = async (table: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
          store.db,
        )
      ).rows[0]?.n,
    );
  return {
    operations: await n('operations'),
    households: await n('households'),
    persons: await n('persons'),
    documents: await n('documents'),
    needs: await n('needs'),
    history: await n('case_history'),
    audit: await n('audit_events'),
    pairs: await n('dedup_pairs'),
  };
}

/** The roster with its deliberate faults; spreadsheet row = line index + 1. */
function spoiledRoster() {
  const roster = buildRoster(1200);
  const lines = roster.lines.map((l) => [...l]);
  const at = (row: number, column: RosterColumn, value: string) =>
    (lines[row - 1]![rosterIndex(column)] = value);
  const cell = (row: number, column: RosterColumn) => lines[row - 1]![rosterIndex(column)]!;
  const headRow = (from: number) => {
    let r = from;
    while (cell(r, 'hoh') !== 'Y') r++;
    return r;
  };
  const withDocument = (from: number) => {
    let r = from;
    while (cell(r, 'mrz2') === '') r++;
    return r;
  };
  const bad: { row: number; column: string; value: string; reason: RegExp }[] = [];
  const spoil = (
    row: number,
    column: RosterColumn,
    value: string,
    shown: string,
    reason: RegExp,
  ) => {
    at(row, column, value);
    bad.push({ row, column, value: shown, reason });
  };
  spoil(40, 'dob', '31/02/1990', '<redacted>', /not a real calendar date/);
  const head = headRow(120);
  spoil(head, 'country_of_origin', 'IRK', 'IRK', /ISO 3166-1 alpha-3/);
  spoil(
    300,
    'individual_id',
    cell(299, 'individual_id'),
    cell(299, 'individual_id'),
    /is also on row 299/,
  );
  const mrzRow = withDocument(500);
  const mrz = cell(mrzRow, 'mrz2');
  const wrong = String((Number(mrz[9]) + 1) % 10);
  at(mrzRow, 'mrz2', mrz.slice(0, 9) + wrong + mrz.slice(10));
  bad.push({
    row: mrzRow,
    column: 'mrz2',
    value: '<redacted>',
    reason: /document number check digit/,
  });
  bad.push({ row: mrzRow, column: 'mrz2', value: '<redacted>', reason: /composite check digit/ });
  spoil(700, 'first_name', '', '', /is required/);
  spoil(900, 'gender', 'q', 'q', /not F, M or X/);
  // A person whose household is neither in the file nor in the database.
  const orphan = [...lines[2]!].map(() => '');
  orphan[rosterIndex('case_id')] = 'C-9999';
  orphan[rosterIndex('individual_id')] = 'P-99999';
  orphan[rosterIndex('first_name')] = 'Lone';
  orphan[rosterIndex('surname')] = 'Traveller';
  orphan[rosterIndex('gender')] = 'F';
  lines.push(orphan);
  bad.push({
    row: lines.length,
    column: 'country_of_origin',
    value: '',
    reason: /household C-9999 is not in the database/,
  });
  bad.sort((a, b) => a.row - b.row);
  return { roster, lines, bad };
}

describe.each(backends)('import and export on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  const files = tempDir();

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
  });
  afterEach(async () => close());
  afterAll(() => files.cleanup());

  it('refuses a roster with bad rows, names each one, and writes nothing', async () => {
    const { lines, bad, roster } = spoiledRoster();
    const path = join(files.dir, `roster-${backend.name}.csv`);
    writeFileSync(path, rosterCsv(lines));
    const before = await counts(store);
    for (const dryRun of [true, false]) {
      const report = await importFile(store, { path }, { dryRun }, registrar);
      expect(report.ok).toBe(false);
      expect(report.written).toBe(false);
      expect(report.rows).toBe(roster.persons + 1);
      expect(report.problems.map((p) => `${p.row} ${p.column}`)).toEqual(
        bad.map((b) => `${b.row} ${b.column}`),
      );
      report.problems.forEach((p, k) => {
        expect(p).toMatchObject({ row: bad[k]!.row, column: bad[k]!.column, value: bad[k]!.value });
        expect(p.reason).toMatch(bad[k]!.reason);
      });
      expect(report.badRows).toEqual([...new Set(bad.map((b) => b.row))]);
      expect(await counts(store)).toEqual(before);
    }
    // The fixed file goes in whole: every household and person, one audit entry naming its hash.
    const fixed = buildRoster(1200);
    writeFileSync(path, rosterCsv(fixed.lines));
    const report = await importFile(store, { path }, {}, registrar);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      written: true,
      households: { created: fixed.households },
      persons: { created: fixed.persons },
      documents: fixed.documents,
      operation: { created: true, name: `roster-${backend.name}` },
    });
    const after = await counts(store);
    expect(after).toMatchObject({
      operations: 1,
      households: fixed.households,
      persons: fixed.persons,
      documents: fixed.documents,
      needs: fixed.data.needs.length,
    });
    const audit = await store.audit.events(before.audit);
    expect(audit.map((e) => e.action)).toEqual(['operation.create', 'registry.import']);
    expect(audit[1]!.entityId).toBe(report.file.sha256);
    expect(JSON.stringify(audit[1]!.detail)).not.toMatch(/given|family|[A-Z]{2}\d{7}/);
    // The demo registers a few people twice with one document: they wait for review.
    expect(report.duplicatePairs).toBeGreaterThan(0);
    expect(after.pairs).toBe(report.duplicatePairs);
    const view = await store.registry.household(fixed.data.persons[0]!.householdId);
    expect(view?.members[0]?.pii?.birthDate).toBe(fixed.data.persons[0]!.pii.birthDate);
  });

  it('reads back what it exports, byte for byte (CSV with HXL, XLSX, JSON)', async () => {
    const demo = generateDemo({ people: 250, seed: 4 });
    await store.registry.createOperation(demo, registrar);
    const other = await backend.fresh();
    try {
      const destinations = join(files.dir, `destinations-${backend.name}.json`);
      writeFileSync(destinations, await exportRegistry(store, 'destinations', { format: 'json' }));
      const loaded = await importFile(other.store, { path: destinations }, {}, registrar);
      expect(loaded).toMatchObject({ ok: true, destinations: 10 });
      for (const format of ['csv', 'xlsx', 'json'] as const) {
        const first = await exportRegistry(store, 'persons', { format, hxl: true });
        const path = join(files.dir, `persons-${backend.name}.${format}`);
        writeFileSync(path, first);
        const report = await importFile(other.store, { path }, {}, registrar);
        expect(report.problems).toEqual([]);
        if (format === 'csv')
          expect(report).toMatchObject({
            households: { created: demo.households.length },
            persons: { created: demo.persons.length },
            preferences: demo.preferences.length,
            ties: demo.ties.length,
            links: demo.links.length,
          });
        // Later formats meet the same records: nothing new, nothing queued.
        else
          expect(report.persons).toEqual({
            created: 0,
            unchanged: demo.persons.length,
            queuedAsDuplicates: 0,
          });
        const again = await exportRegistry(other.store, 'persons', { format, hxl: true });
        if (format === 'xlsx') {
          const back = join(files.dir, `persons-back-${backend.name}.xlsx`);
          writeFileSync(back, again);
          expect((await validateFile({ path: back }, {})).rows).toBe(demo.persons.length);
          const csvA = await exportRegistry(store, 'persons', { format: 'csv' });
          const csvB = await exportRegistry(other.store, 'persons', { format: 'csv' });
          expect(csvB.equals(csvA)).toBe(true);
        } else expect(again.toString()).toBe(first.toString());
      }
    } finally {
      await other.close();
    }
  });

  it('records the registration and messages consents a file gives, and refuses a bad one naming row and column', async () => {
    const header =
      'household_id,person_id,given_name,family_name,sex,origin_country,is_head,consent_registration,consent_messages';
    const file = (first: string) => {
      const path = join(files.dir, `consents-${backend.name}-${first.length}.csv`);
      writeFileSync(
        path,
        [
          header,
          `H1,A1,Amal,Haddad,F,SYR,yes,${first},refused`,
          'H1,A2,Omar,Haddad,M,,no,withdrawn,',
          'H1,A3,Lina,Haddad,F,,no,,',
        ].join('\n'),
      );
      return path;
    };
    const before = await counts(store);
    const refused = await importFile(store, { path: file('maybe') }, {}, registrar);
    expect(refused).toMatchObject({ ok: false, written: false });
    expect(refused.problems).toEqual([
      {
        row: 2,
        column: 'consent_registration',
        value: 'maybe',
        reason: 'is not given, refused or withdrawn (optionally followed by a date)',
      },
    ]);
    expect(await counts(store)).toEqual(before);

    const report = await importFile(store, { path: file('given 2027-02-01') }, {}, registrar);
    // Undated consents are dated the day of the import.
    const today = new Date().toISOString().slice(0, 10);
    expect(report).toMatchObject({ ok: true, written: true, persons: { created: 3 } });
    const records = await store.consent.history({ personIds: ['A1', 'A2', 'A3'] });
    expect(
      records
        .map((r) => [r.personId, r.purpose, r.decision, r.date, r.householdId])
        .sort((x, y) => `${x[0]}${x[1]}`.localeCompare(`${y[0]}${y[1]}`)),
    ).toEqual([
      ['A1', 'messages', 'refused', today, 'H1'],
      ['A1', 'registration', 'given', '2027-02-01', 'H1'],
      ['A2', 'registration', 'withdrawn', today, 'H1'],
    ]);
  });

  it('updates households, keeps changed persons apart for review, and redacts on request', async () => {
    const demo = generateDemo({ people: 120, seed: 8 });
    await store.registry.createOperation(demo, registrar);
    const csv = (await exportRegistry(store, 'persons', { format: 'csv' })).toString();
    const [header, first, second, ...rest] = csv.trimEnd().split('\n');
    const cols = header!.split(',');
    const set = (line: string, column: string, value: string) => {
      const cells = line.split(',');
      cells[cols.indexOf(column)] = value;
      return cells.join(',');
    };
    // A new language for the first household; another spelling of the second row's name.
    const household = first!.split(',')[0]!;
    const edited = [header, first, set(second!, 'given_name', 'Zzyzx'), ...rest]
      .map((line, k) =>
        k > 0 && line!.startsWith(`${household},`) ? set(line!, 'languages', 'ar;en;fr') : line,
      )
      .join('\n');
    const path = join(files.dir, `edited-${backend.name}.csv`);
    writeFileSync(path, edited + '\n');
    const report = await importFile(store, { path }, {}, registrar);
    expect(report.problems).toEqual([]);
    const person = second!.split(',')[cols.indexOf('person_id')]!;
    expect(report.households.updated).toBeGreaterThanOrEqual(1);
    expect(report.persons).toMatchObject({ created: 0, queuedAsDuplicates: 1 });
    const view = await store.registry.household(household);
    expect(view?.languages).toEqual(['ar', 'en', 'fr']);
    expect(view?.history.at(-1)?.reason).toMatch(/updated by import .*languages/);
    const pairs = await store.registry.duplicates('open');
    expect(pairs).toContainEqual(
      expect.objectContaining({ a: person, b: `${person}-dup1`, rule: 'same-id' }),
    );
    const redacted = (
      await exportRegistry(store, 'persons', { format: 'csv', redact: true })
    ).toString();
    expect(redacted.split('\n')[0]).not.toMatch(
      /given_name|family_name|birth_date|document_number|mrz|phone|protection/,
    );
    expect(redacted).not.toContain(demo.persons[0]!.pii.familyName);
    expect(redacted).not.toMatch(/\bSV:|\bTR:|\bWR:/);
  });
});

describe('import formats and dates', () => {
  it('reads day-first and ISO dates, semicolon files and HXL-only headers', async () => {
    const rows = [
      '#affected+hh+id;#affected+ind+id;#affected+ind+name+given;#affected+ind+name+family;#affected+sex;#date+birth;#country+code+origin',
      'H1;A1;Amal;Haddad;F;31.12.1990;SYR',
      'H1;A2;Omar;Haddad;M;1989-02-29;',
      'H1;A3;Lina;Haddad;F;29/02/1989;',
    ];
    // As an upload: the bytes and a name, the way the server hands a file over.
    const report = await validateFile(
      { content: Buffer.from(rows.join('\n')), name: 'semicolons.csv' },
      {},
    );
    expect(report.problems).toEqual([
      {
        row: 3,
        column: '#date+birth',
        value: '<redacted>',
        reason: 'is not a real calendar date',
      },
      {
        row: 4,
        column: '#date+birth',
        value: '<redacted>',
        reason: 'is not a real calendar date',
      },
    ]);
  });

  it('reads XLSX date cells as dates and numbers as text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('roster');
    sheet.addRow(['case', 'person', 'first_name', 'surname', 'sex', 'dob', 'origin', 'phone']);
    sheet.addRow([101, 7, 'Amal', 'Haddad', 'F', new Date(Date.UTC(1990, 11, 31)), 'IRQ', 9647701]);
    sheet.addRow([101, 8, 'Omar', 'Haddad', 'M', '31/02/1991', '', '']);
    const report = await validateFile(
      { content: Buffer.from(await workbook.xlsx.writeBuffer()), name: 'roster.xlsx' },
      {},
    );
    expect(report.problems).toEqual([
      { row: 3, column: 'dob', value: '<redacted>', reason: 'is not a real calendar date' },
    ]);
    expect(report.rows).toBe(2);
  });
});
