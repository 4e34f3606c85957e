/** A movement's manifest as CSV, XLSX, PDF, UN/EDIFACT PAXLST or JSON. */
import {
  buildPaxlst,
  manifestTable,
  paxlstInputOf,
  validatePaxlst,
  type Manifest,
  type PaxlstVerdict,
} from '@corridor/core';
import { tableToCsv } from './csv-write.js';
import { manifestPdf } from './manifest-pdf.js';
import type { PdfLanguage } from './pdf-fonts.js';
import { addTableSheet } from './xlsx-write.js';

/** The formats a manifest is written in. */
export const manifestFormats = ['csv', 'xlsx', 'pdf', 'paxlst', 'json'] as const;
/** One manifest format. */
export type ManifestFormat = (typeof manifestFormats)[number];

/** Options of a manifest. */
export interface ManifestOptions {
  /** Days a document must stay valid after arrival (default 0). */
  minValidityDays?: number;
  /** Days from departure to arrival (default 1). */
  travelDays?: number;
  /** PAXLST sender and recipient identifiers (default: CORRIDOR and the arrival airport's API unit). */
  sender?: string;
  recipient?: string;
  now?: Date;
  /** The language of a PDF's labels (default English). */
  language?: PdfLanguage;
}

async function manifestXlsx(m: Manifest): Promise<Buffer> {
  // exceljs loads when a workbook is read or written, not with every command.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Corridor';
  addTableSheet(workbook, 'manifest', manifestTable(m), { hxl: false });
  const t = m.totals;
  addTableSheet(workbook, 'summary', {
    columns: [
      { name: 'item', hxl: '#meta+item' },
      { name: 'value', hxl: '#meta+value' },
    ],
    rows: [
      ['operation', m.operation.name],
      ['movement', m.movement.id],
      ['kind', m.movement.kind],
      ['from', m.movement.origin],
      ['to', `${m.movement.arrivalAirport ?? ''} ${m.movement.destinationId ?? ''}`.trim()],
      ['departure (local)', m.movement.departAt],
      ...(m.movement.carrier
        ? [['carrier / flight', `${m.movement.carrier} ${m.movement.flightNumber ?? ''}`.trim()]]
        : []),
      ...(m.movement.arriveAt ? [['arrival (local)', m.movement.arriveAt]] : []),
      ['arrival day', m.arrivalDay],
      ...Object.entries(t).map(([k, v]) => [k, String(v)]),
      ['printed', m.generatedAt],
    ],
  });
  addTableSheet(workbook, 'warnings', {
    columns: ['kind', 'household_id', 'person_id', 'message'].map((name) => ({ name, hxl: '' })),
    rows: m.warnings.map((w) => [w.kind, w.householdId ?? '', w.personId ?? '', w.message]),
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The PAXLST interchange of a manifest, checked by the structural validator before it is handed out. */
export function manifestPaxlst(
  m: Manifest,
  options: ManifestOptions = {},
): { text: string; verdict: PaxlstVerdict } {
  const now = options.now ?? new Date();
  const text = buildPaxlst(
    paxlstInputOf(m, {
      sender: options.sender ?? 'CORRIDOR',
      recipient: options.recipient ?? `${m.movement.arrivalAirport ?? 'XXX'}API`,
      reference: `${now.getTime().toString(36)}`,
      preparedAt: now,
    }),
  );
  const verdict = validatePaxlst(text);
  if (!verdict.ok)
    throw new Error(
      `the PAXLST message failed its own check: ${verdict.problems.map((p) => p.reason).join('; ')}`,
    );
  return { text, verdict };
}

/** A manifest written in one format, with the manifest itself for summaries. */
export async function renderManifest(
  manifest: Manifest,
  format: ManifestFormat,
  options: ManifestOptions = {},
): Promise<{ content: Buffer; manifest: Manifest; paxlst?: PaxlstVerdict }> {
  switch (format) {
    case 'csv':
      return { content: Buffer.from(tableToCsv(manifestTable(manifest))), manifest };
    case 'xlsx':
      return { content: await manifestXlsx(manifest), manifest };
    case 'pdf':
      return {
        content: await manifestPdf(manifest, { language: options.language ?? 'en' }),
        manifest,
      };
    case 'json':
      return { content: Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), manifest };
    case 'paxlst': {
      const { text, verdict } = manifestPaxlst(manifest, options);
      return { content: Buffer.from(text), manifest, paxlst: verdict };
    }
  }
}
