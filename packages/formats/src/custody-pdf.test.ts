import type { BelongingView } from '@corridor/core';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { custodyRecordPdf, type CustodyRecord } from './custody-pdf.js';

const item = (note: string): BelongingView =>
  ({
    id: 'B-0001',
    personId: 'P-00001',
    householdId: 'C-0001',
    category: 'documents',
    status: 'handed-over',
    description: 'صندوق فيه أوراق العائلة',
    events: [
      {
        seq: 1,
        kind: 'handed-over',
        at: '2031-05-01T08:00:00Z',
        actor: 'clerk',
        detail: {
          to: 'Store A',
          by: 'Omid',
          witness: 'سارة',
          place: 'Gate 2',
          receipt: 'R-9',
          note,
        },
        hash: 'a'.repeat(64),
        prevHash: 'b'.repeat(64),
      },
    ],
  }) as unknown as BelongingView;

const record = (over: Partial<CustodyRecord> = {}): CustodyRecord => ({
  operation: 'Demo operation',
  person: { id: 'P-00001', householdId: 'C-0001', name: 'أمل حداد' },
  items: [item('تُحفظ حتى الوصول')],
  chainVerified: true,
  generatedAt: '2031-05-02T09:30:00Z',
  generatedBy: 'ana (admin)',
  ...over,
});

async function textOf(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), {
    mergePages: true,
  });
  return text.replace(/\u200d/g, '');
}

describe('custody record PDF', () => {
  it('prints names, descriptions and notes in the script they were written in, never as ?', async () => {
    const text = await textOf(await custodyRecordPdf(record()));
    expect(text).toContain('Custody record of belongings');
    expect(text).toContain('أمل حداد');
    expect(text).toContain('أوراق العائلة');
    expect(text).toContain('تُحفظ حتى الوصول');
    expect(text).toContain('سارة');
    expect(text).toContain('Gate 2');
    expect(text).not.toContain('??');
  });

  it("prints its words in the reader's language, right to left, and says a hidden name is hidden", async () => {
    for (const [language, title, hidden] of [
      ['ar', 'سجل حفظ المقتنيات', 'الاسم مخفي لدورك'],
      ['fa', 'سابقه نگهداری اموال', 'نام برای نقش شما پنهان است'],
      ['ps', 'د شتمنیو د ساتنې ریکارډ', 'نوم ستاسو د رول لپاره پټ دی'],
      ['ckb', 'تۆماری پاراستنی کەلوپەل', 'ناو بۆ ڕۆڵەکەت شاراوەیە'],
    ] as const) {
      const pdf = await custodyRecordPdf(
        record({
          language,
          person: { id: 'P-00001', householdId: 'C-0001', name: { hidden: true } },
        }),
      );
      const text = await textOf(pdf);
      expect(text, language).toContain(title);
      expect(text, language).toContain(hidden);
      expect(text, language).toContain('P-00001');
      expect(text, language).toContain('corridor custody verify');
      expect(text, language).not.toContain('Custody record of belongings');
      expect(text, language).not.toContain('أمل حداد');
      // The title starts at the right margin: its glyphs end near the page's right edge.
      const page = await (await getDocumentProxy(new Uint8Array(pdf))).getPage(1);
      const items = (await page.getTextContent()).items as {
        str: string;
        transform: number[];
        width: number;
      }[];
      const first = items.find((i) => i.str.trim() !== '')!;
      expect(first.transform[4]! + first.width, language).toBeGreaterThan(500);
    }
  });

  it('says when the person’s data was erased, in the reader’s language', async () => {
    const text = await textOf(
      await custodyRecordPdf(
        record({
          language: 'ar',
          person: { id: 'P-00001', householdId: 'C-0001', name: { erased: true } },
        }),
      ),
    );
    expect(text).toContain('البيانات الشخصية محذوفة');
  });
});
