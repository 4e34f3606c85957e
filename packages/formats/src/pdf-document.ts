/** An A4 pdfkit document whose bytes are collected as it is written (manifests, reports, records). */

/** What differs between Corridor's PDFs. */
export interface PdfSettings {
  margin: number;
  title: string;
  subject: string;
  /** Keep pages in memory to write footers after the body (page numbers). */
  bufferPages?: boolean;
}

/** A new A4 document and the promise of its bytes, which resolves after `doc.end()`. */
export async function openA4Pdf(
  settings: PdfSettings,
): Promise<{ doc: PDFKit.PDFDocument; done: Promise<Buffer> }> {
  // pdfkit loads when a PDF is made, not with every command that opens the store.
  const { default: PDFDocument } = await import('pdfkit');
  const { margin } = settings;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    ...(settings.bufferPages ? { bufferPages: true } : {}),
    info: { Title: settings.title, Author: 'Corridor', Subject: settings.subject },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}
