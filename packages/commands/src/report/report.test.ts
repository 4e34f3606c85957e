import {
  generateDemo,
  generateDemoGroundCapacity,
  generateDemoIncidents,
  generateDemoMovements,
} from '@corridor/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { pdfContent } from '@corridor/storage/test-support';
import { reportHeadings, situationPdf } from '@corridor/formats';
import { situationReport } from './situation-data.js';

const admin = { name: 'test-admin', role: 'admin' };

describe.each(backends)('the situation report on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ store, close } = await backend.fresh());
    const data = generateDemo({ people: 300, seed: 4 });
    await store.registry.createOperation(data, admin);
    const movements = generateDemoMovements(data.destinations, data.pledges);
    await store.movements.add(movements, admin);
    await store.movements.setGroundCapacity(generateDemoGroundCapacity(movements), admin);
    await store.incidents.add(generateDemoIncidents(), admin);
  });
  afterEach(async () => close());

  it('counts what the registry, the timetable and the incident log say', async () => {
    const status = await store.registry.status();
    const movements = await store.movements.list();
    const first = movements[0]!;
    const cases = (await store.registry.planningCases(['verified'])).cases.slice(0, 3);
    await store.plans.save(
      {
        kind: 'timetable',
        params: {},
        summary: { exposure: 123.4 },
        assignments: cases.map((c) => ({
          householdId: c.id,
          destinationId: first.destinationId,
          movementId: first.id,
          locked: false,
          reason: 'test',
        })),
      },
      admin,
    );
    const r = await situationReport(store, '2027-01-01');
    expect([r.persons, r.households, r.remaining, r.moved]).toEqual([
      status.persons,
      status.households,
      status.persons -
        (status.personsByStatus.withdrawn ?? 0) -
        (status.personsByStatus.deceased ?? 0),
      0,
    ]);
    expect(r.byDestination.map((d) => d.id)).toEqual(
      (await store.registry.destinations()).map((d) => d.id),
    );
    expect(r.ahead.map((m) => [m.id, m.persons])).toEqual([
      [first.id, cases.reduce((s, c) => s + c.persons, 0)],
    ]);
    expect(r.plannedExposure).toBe(123.4);
    expect(r.incidents.total).toBe(generateDemoIncidents().length);
    expect(r.hazard.length).toBeGreaterThan(365);
  });

  it('renders an A4 PDF with every heading and the operation’s numbers', async () => {
    const r = await situationReport(store, '2028-01-01');
    const pdf = await situationPdf(r);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/%%EOF\s*$/);
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { pages, texts } = pdfContent(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(4);
    for (const heading of ['Situation report', ...reportHeadings]) expect(texts).toContain(heading);
    expect(texts).toContain(r.persons.toLocaleString('en'));
    expect(texts.some((t) => t.includes(`page ${pages} of ${pages}`))).toBe(true);
    // The printed page keeps the audit log's head outside the database.
    const head = await store.audit.head();
    expect(r.auditHead).toBe(`${head.seq}:${head.hash}`);
    expect(texts.some((t) => t.includes(`Audit log head when printed: ${r.auditHead}`))).toBe(true);
    // Each footer line is one piece of text: a wrapped line would run into the page footer.
    expect(texts).toContain(
      'Keep this page: corridor audit verify --anchor SEQ:HASH checks the log against it.',
    );
  });

  it("prints in the reader's language: Arabic-script words in the Arabic font, no English heading left", async () => {
    const r = await situationReport(store, '2028-01-01');
    for (const language of ['ar', 'fa', 'ps', 'ckb'] as const) {
      const pdf = await situationPdf(r, { language });
      expect(pdf.toString('latin1'), language).toContain('NotoNaskhArabic');
      const { texts } = pdfContent(pdf);
      for (const heading of ['Situation report', ...reportHeadings])
        expect(texts, `${language}: ${heading}`).not.toContain(heading);
      expect(texts.join(' '), language).not.toMatch(/Corridor situation report|Keep this page/);
      // Figures, ids and the audit head stay in ASCII, in the Latin font, readable as text.
      expect(texts, language).toContain(r.persons.toLocaleString('en'));
      expect(texts.join(' '), language).toContain(r.auditHead!);
    }
  });
});
