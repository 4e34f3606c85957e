/**
 * Test data: an XLSX-shaped ZIP whose worksheet inflates to `inflatedBytes` of blanks from about a
 * thousandth of that, with true sizes and checksum in its headers (or a smaller declared size).
 * Built from flushed deflate pieces laid end to end, so making a 1 GB bomb inflates nothing.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One part of the archive: its name, deflated bytes, inflated size and checksum. */
interface Part {
  name: string;
  data: Buffer;
  size: number;
  crc: number;
}

function smallPart(name: string, text: string): Part {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), size: raw.length, crc: crc32(raw) };
}

const chunk = Buffer.alloc(1024 * 1024, 0x20);

/** A worksheet of `bytes` (rounded to whole MiB) that is mostly blanks between its tags. */
function bombPart(mebibytes: number): Part {
  const head = Buffer.from(
    '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const piece = deflateRawSync(chunk, flush);
  let crc = crc32(head);
  for (let k = 0; k < mebibytes; k++) crc = crc32(chunk, crc);
  crc = crc32(tail, crc);
  return {
    name: 'xl/worksheets/sheet1.xml',
    data: Buffer.concat([
      deflateRawSync(head, flush),
      ...Array.from({ length: mebibytes }, () => piece),
      deflateRawSync(tail),
    ]),
    size: head.length + mebibytes * chunk.length + tail.length,
    crc,
  };
}

/** A local header (30 bytes) or, with `offset`, a central directory entry (46) and the name. */
function header(part: Part, declared: number, offset?: number): Buffer {
  const central = offset !== undefined;
  const name = Buffer.from(part.name);
  const b = Buffer.alloc(central ? 46 : 30);
  b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
  let p = 4;
  if (central) p = b.writeUInt16LE(20, p);
  p = b.writeUInt16LE(20, p); // version needed
  p = b.writeUInt16LE(0, p); // flags
  p = b.writeUInt16LE(8, p); // deflate
  p = b.writeUInt16LE(0, p); // time
  p = b.writeUInt16LE(0x21, p); // 1980-01-01
  p = b.writeUInt32LE(part.crc >>> 0, p);
  p = b.writeUInt32LE(part.data.length, p);
  p = b.writeUInt32LE(declared, p);
  b.writeUInt16LE(name.length, p);
  if (central) b.writeUInt32LE(offset, 42);
  return Buffer.concat([b, name]);
}

/**
 * The bomb: a workbook whose sheet truly inflates to `mebibytes` MiB; `declaredMebibytes` makes
 * its headers understate that size instead.
 */
export function xlsxBomb(mebibytes: number, declaredMebibytes?: number): Buffer {
  const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const parts = [
    smallPart(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    smallPart(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${ns}"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    smallPart(
      'xl/workbook.xml',
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="persons" sheetId="1"/></sheets></workbook>',
    ),
    bombPart(mebibytes),
  ];
  return archiveOf(parts, (part) =>
    part === parts[3] && declaredMebibytes !== undefined
      ? declaredMebibytes * 1024 * 1024
      : part.size,
  );
}

/** A ZIP archive of the parts, each declaring `declared(part)` bytes once inflated. */
function archiveOf(parts: Part[], declared: (part: Part) => number): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const local = header(part, declared(part));
    centrals.push(header(part, declared(part), offset));
    locals.push(local, part.data);
    offset += local.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An honest ZIP archive of text files (an ODK Central CSV export, say). */
export function zipOf(files: { name: string; text: string }[]): Buffer {
  return archiveOf(
    files.map((f) => smallPart(f.name, f.text)),
    (part) => part.size,
  );
}
