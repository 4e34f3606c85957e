/**
 * Checks that a ZIP archive (an XLSX workbook) is whole before it is streamed: a damaged archive
 * can leave the streaming reader waiting forever, so every entry is located, inflated (bounded by
 * its declared size) and compared with its checksum first.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localEntry = 0x04034b50;

/** Why the archive is damaged, or null when every entry is whole. */
export function zipDamage(buf: Buffer): string | null {
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === endOfDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) return 'it is not a ZIP archive (an XLSX file is one)';
  const entries = buf.readUInt16LE(end + 10);
  const size = buf.readUInt32LE(end + 12);
  let p = buf.readUInt32LE(end + 16);
  if (p + size > end) return 'its table of contents is damaged';
  for (let e = 0; e < entries; e++) {
    if (p + 46 > end || buf.readUInt32LE(p) !== directoryEntry)
      return 'its table of contents is damaged';
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const packed = buf.readUInt32LE(p + 20);
    const unpacked = buf.readUInt32LE(p + 24);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== localEntry)
      return `part ${e + 1} of the archive is damaged`;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + packed > buf.length) return 'the file is cut short';
    const data = buf.subarray(start, start + packed);
    if (method !== 0 && method !== 8) return `part ${e + 1} uses a compression XLSX does not`;
    let content: Buffer;
    try {
      content = method === 0 ? data : inflateRawSync(data, { maxOutputLength: unpacked + 1 });
    } catch {
      return `part ${e + 1} of the archive cannot be decompressed`;
    }
    if (content.length !== unpacked || crc32(content) !== crc)
      return `part ${e + 1} of the archive is damaged (its checksum does not match)`;
  }
  return null;
}
