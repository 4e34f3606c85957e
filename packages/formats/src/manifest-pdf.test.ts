import type { Manifest, ManifestEntry } from '@corridor/core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { manifestPdf } from './manifest-pdf.js';
import { visualPieces } from './pdf-fonts.js';

function buildEntry(over: Partial<ManifestEntry>): ManifestEntry {
  return {
    line: 1,
    householdId: 'C-0001',
    personId: 'P-0001',
    isHead: true,
    familyName: '',
    givenNames: '',
    sex: 'M',
    birthDate: '1980-01-01',
    nationality: 'IRQ',
    document: null,
    needs: [],
    baggageKg: 20,
    status: 'booked',
    station: '',
    at: '',
    ...over,
  };
}

/** A one-household manifest whose members were registered in Arabic and in Latin script. */
function buildManifest(): Manifest {
  return {
    operation: { id: 'op', name: 'Camp relocation', airportCode: 'BGW' },
    movement: {
      id: 'M-001',
      kind: 'charter',
      origin: 'BGW',
      destinationId: 'DEU',
      arrivalAirport: 'FRA',
      departAt: '2026-05-01T08:00:00+03:00',
      timezone: 'Asia/Baghdad',
      seats: 180,
      baggageKg: 3600,
      status: 'planned',
    },
    generatedAt: '2026-04-30T10:00:00Z',
    arrivalDay: '2026-05-01',
    totals: {
      households: 1,
      persons: 2,
      seats: 180,
      seatsFree: 178,
      baggagePerPersonKg: 20,
      baggageAllowanceKg: 3600,
      booked: 2,
      checkedIn: 0,
      boarded: 0,
      noShow: 0,
      arrived: 0,
      conflicts: 0,
    },
    households: [
      {
        id: 'C-0001',
        status: 'scheduled',
        linkedCases: [],
        entries: [
          buildEntry({ familyName: 'الحسيني', givenNames: 'محمد عبد الله' }),
          buildEntry({
            line: 2,
            personId: 'P-0002',
            isHead: false,
            familyName: 'Haddad',
            givenNames: 'Rana',
            sex: 'F',
          }),
        ],
      },
    ],
    warnings: [],
  };
}

/** The text a reader copies out of the PDF (without the joiners that stand for glyphs alone). */
async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  return text.replace(/\u200d/g, '');
}

describe('the manifest PDF', () => {
  it('prints Arabic labels and an Arabic-script name that read back as written', async () => {
    const pdf = await manifestPdf(buildManifest(), { language: 'ar' });
    const text = await textOf(pdf);
    for (const words of [
      'الحسيني',
      'محمد عبد الله',
      'قائمة الركاب',
      'اسم العائلة',
      'الأشخاص المحجوزون',
      'التواقيع',
      'موظف الحركة',
      'Haddad',
      'Rana',
      'M-001',
    ])
      expect(text, words).toContain(words);
    // The Arabic font travels inside the file (a subset), so any reader shows the same letters.
    const raw = pdf.toString('latin1');
    // No glyph without a character (a stray control code) and no missing glyph (.notdef).
    expect([...text].filter((c) => c.charCodeAt(0) < 0x20 && !'\n\t\r'.includes(c))).toEqual([]);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic/);
    expect(raw).toContain('/FontFile2');
    expect(raw).toContain('/ToUnicode');
  });

  it('prints English labels by default, and an Arabic-script name in its own script there too', async () => {
    const text = await textOf(await manifestPdf(buildManifest()));
    for (const words of ['Passenger manifest', 'Family name', 'Signatures', 'الحسيني', 'Haddad'])
      expect(text, words).toContain(words);
  });

  it('prints labels in Farsi, Pashto and Sorani Kurdish', async () => {
    const titles = { fa: 'فهرست مسافران', ps: 'د مسافرو لېست', ckb: 'لیستی گەشتیاران' } as const;
    for (const [language, title] of Object.entries(titles)) {
      const text = await textOf(
        await manifestPdf(buildManifest(), { language: language as keyof typeof titles }),
      );
      expect(text, language).toContain(title);
    }
  });
});

describe('a line of mixed scripts', () => {
  it('is drawn in pieces from left to right as the bidirectional algorithm orders them', () => {
    // "Case C-0001 — persons: 2" in an Arabic line: the Arabic words at the right.
    expect(visualPieces('الحالة C-0001 — الأشخاص: 2', true)).toEqual([
      '2',
      ' ',
      ':',
      'الأشخاص',
      ' ',
      '—',
      ' ',
      'C-0001',
      ' ',
      'الحالة',
    ]);
    // A Latin line stays as it is, an Arabic name inside it in its place.
    expect(visualPieces('Case C-0001 (محمد عبد الله)', false)).toEqual([
      'Case',
      ' ',
      'C-0001',
      ' ',
      '(',
      'الله',
      ' ',
      'عبد',
      ' ',
      'محمد',
      ')',
    ]);
    expect(visualPieces('Rana Haddad', true)).toEqual(['Rana', ' ', 'Haddad']);
    // A number inside an Arabic line keeps its place: "3600, 20 per person" reads right to left.
    expect(visualPieces('3600، 20 للشخص', true)).toEqual(['للشخص', ' ', '20', ' ', '،', '3600']);
  });
});
