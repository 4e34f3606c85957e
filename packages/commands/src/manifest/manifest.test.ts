import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { generateDemo, validatePaxlst, type OperationData } from '@corridor/core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@corridor/storage';
import { backends, tempDir } from '@corridor/storage/test-support';
import { readCsvRows, readXlsxRows } from '@corridor/formats';
import { manifestFile } from './manifest-file.js';

/** An independent EDIFACT reader (npm `edifact`): honours UNA, the release character, components. */
const { Reader } = createRequire(import.meta.url)('edifact') as {
  Reader: new () => { parse(text: string): { name: string; elements: string[][] }[] };
};

const admin = { name: 'test-admin', role: 'admin' };
const officer = { name: 'gate-officer', role: 'movement-officer' };
const movementId = 'M-777';

/** The demo with 40 cases booked; one document expires in flight, one MRZ is mistyped. */
function fixture() {
  const demo: OperationData = structuredClone(generateDemo({ people: 300, seed: 9 }));
  const booked = demo.households.slice(0, 40);
  const ids = new Set(booked.map((h) => h.id));
  const onBoard = demo.persons.filter((p) => ids.has(p.householdId));
  const withDocs = demo.documents.filter((d) => onBoard.some((p) => p.id === d.personId));
  const expiring = withDocs[0]!;
  expiring.expiry = '2031-06-30' as never;
  const mistyped = withDocs[1]!;
  const line2 = mistyped.mrz![1];
  mistyped.mrz = [
    mistyped.mrz![0],
    line2.slice(0, 19) + String((Number(line2[19]) + 1) % 10) + line2.slice(20),
  ];
  return { demo, booked, onBoard, expiring, mistyped };
}

/** The PDF's page count, from its page tree, and whether its streams mention `text`. */
function pdfFacts(pdf: Buffer, text: string) {
  const raw = pdf.toString('latin1');
  const pages = (raw.match(/\/Type \/Page\b/g) ?? []).length;
  const count = Number(/\/Type \/Pages[\s\S]*?\/Count (\d+)/.exec(raw)?.[1]);
  let mentions = false;
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      const body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
      const hex = Buffer.from(text, 'latin1').toString('hex');
      if (body.includes(text) || body.toLowerCase().includes(hex)) mentions = true;
    } catch {
      // Not a deflated stream (fonts, metadata).
    }
  }
  return { pages, count, mentions };
}

describe.each(backends)('manifests on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  const files = tempDir();
  const f = fixture();

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    await store.registry.createOperation(f.demo, admin);
    await store.movements.add(
      [
        {
          id: movementId,
          kind: 'charter',
          origin: 'BGW',
          destinationId: f.demo.destinations[0]!.id,
          arrivalAirport: 'TIA',
          departAt: '2031-06-30T05:00:00+03:00',
          timezone: 'Asia/Baghdad',
          seats: 150,
          baggageKg: 150 * 23,
          status: 'confirmed',
        },
      ],
      admin,
    );
    await store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: {},
        assignments: f.booked.map((h) => ({
          householdId: h.id,
          destinationId: f.demo.destinations[0]!.id,
          movementId,
          locked: false,
          reason: 'test',
        })),
      },
      admin,
    );
    const record = { movementId, station: 'gate-1', note: null, supersedes: null };
    await store.checkin.append(
      { ...record, personId: f.onBoard[0]!.id, status: 'boarded' },
      officer,
    );
    await store.checkin.append(
      { ...record, personId: f.onBoard[1]!.id, status: 'no-show' },
      officer,
    );
  });
  afterEach(async () => close());
  afterAll(() => files.cleanup());

  it('writes CSV and XLSX manifests with households together and document warnings', async () => {
    const { content, manifest } = await manifestFile(store, movementId, 'csv', {
      now: new Date('2031-06-29T20:00:00Z'),
    });
    expect(manifest.totals).toMatchObject({
      households: 40,
      persons: f.onBoard.length,
      boarded: 1,
      noShow: 1,
      seatsFree: 150 - f.onBoard.length + 1,
      baggagePerPersonKg: 23,
    });
    const kinds = manifest.warnings.map((w) => `${w.kind}:${w.personId}`);
    expect(kinds).toContain(`document-expires:${f.expiring.personId}`);
    expect(kinds).toContain(`mrz:${f.mistyped.personId}`);
    const mrz = manifest.warnings.filter((w) => w.kind === 'mrz');
    expect(mrz.find((w) => w.personId === f.mistyped.personId)?.message).toMatch(
      /date of birth check digit/,
    );
    // The changed expiry no longer matches that document's MRZ.
    expect(mrz.find((w) => w.personId === f.expiring.personId)?.message).toMatch(
      /another date of expiry/,
    );
    const path = join(files.dir, `manifest-${backend.name}.csv`);
    writeFileSync(path, content);
    const rows: string[][] = [];
    for await (const r of readCsvRows(path)) rows.push(r.cells);
    expect(rows).toHaveLength(f.onBoard.length + 1);
    const households = rows.slice(1).map((r) => r[1]!);
    // Each household's lines are together, in household order.
    expect(households).toEqual([...households].sort());
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(f.onBoard.map((p) => p.id).sort());
    const xlsx = await manifestFile(store, movementId, 'xlsx');
    const xpath = join(files.dir, `manifest-${backend.name}.xlsx`);
    writeFileSync(xpath, xlsx.content);
    const xrows: string[][] = [];
    for await (const r of readXlsxRows(xpath)) xrows.push(r.cells);
    expect(xrows.slice(1).map((r) => r[2])).toEqual(rows.slice(1).map((r) => r[2]));
  });

  it('renders a printable PDF of several A4 pages', async () => {
    const { content } = await manifestFile(store, movementId, 'pdf');
    expect(content.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.\d/);
    expect(content.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const facts = pdfFacts(content, 'Signatures');
    expect(facts.pages).toBeGreaterThanOrEqual(2);
    expect(facts.pages).toBe(facts.count);
    expect(facts.mentions).toBe(true);
    expect(content.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const path = join(files.dir, `manifest-${backend.name}.pdf`);
    writeFileSync(path, content);
    const render = spawnSync('pdftoppm', ['-r', '30', '-png', path, join(files.dir, 'page')]);
    if (!render.error) expect(render.status).toBe(0);
  });

  it('writes a PAXLST message that passes the structural check', async () => {
    const { content, paxlst } = await manifestFile(store, movementId, 'paxlst');
    const text = content.toString();
    const verdict = validatePaxlst(text);
    expect(verdict).toMatchObject({ ok: true, problems: [], messages: 1, version: 'D:05B' });
    expect(verdict.passengers).toBe(f.onBoard.length - 1);
    expect(paxlst?.passengers).toBe(verdict.passengers);
    expect(text).toMatch(/^UNA:\+\.\? '\nUNB\+UNOA:4\+/);
    expect(text).toContain("TDT+20+M-777+++CHARTER'");
    expect(text).not.toContain('DTM+232');
    expect(text).toContain("LOC+125+BGW'");
    expect(text).toContain(`CNT+42:${f.onBoard.length - 1}'`);
    const lines = text.trimEnd().split('\n');
    const unh = lines.findIndex((l) => l.startsWith('UNH'));
    const unt = lines.findIndex((l) => l.startsWith('UNT'));
    expect(lines[unt]).toBe(`UNT+${unt - unh + 1}+1'`);
    const missing = lines.filter((l) => !l.startsWith('BGM')).join('\n');
    expect(validatePaxlst(missing).ok).toBe(false);
  });

  it('writes the carrier, flight and arrival into the PAXLST, read back by an independent parser', async () => {
    await store.movements.update(
      movementId,
      { carrier: 'XY', flightNumber: '1234', arriveAt: '2031-06-30T08:40:00+02:00' },
      undefined,
      admin,
    );
    const { content } = await manifestFile(store, movementId, 'paxlst');
    const text = content.toString();
    expect(validatePaxlst(text)).toMatchObject({ ok: true, problems: [] });
    const segments = new Reader().parse(text);
    const tdt = segments.filter((s) => s.name === 'TDT');
    expect(tdt).toHaveLength(1);
    expect(tdt[0]!.elements).toEqual([['20'], ['XY1234'], [''], [''], ['XY']]);
    const loc87 = segments.findIndex((s) => s.name === 'LOC' && s.elements[0]![0] === '87');
    expect(segments[loc87]!.elements).toEqual([['87'], ['TIA']]);
    expect(segments[loc87 + 1]).toEqual({
      name: 'DTM',
      elements: [['232', '3106300840', '201']],
    });
    const departure = segments.find((s) => s.name === 'DTM' && s.elements[0]![0] === '189');
    expect(departure!.elements[0]).toEqual(['189', '3106300500', '201']);
    expect(segments.find((s) => s.name === 'UNH')!.elements[2]).toEqual(['XY1234/310630']);
    // The parser is no echo of the writer: it unescapes what the release character protects.
    expect(new Reader().parse("UNA:+.? '\nNAD+FL+++O?'BRIEN:ANN?+LEE'\n")[0]).toEqual({
      name: 'NAD',
      elements: [['FL'], [''], [''], ["O'BRIEN", 'ANN+LEE']],
    });
  });
});
