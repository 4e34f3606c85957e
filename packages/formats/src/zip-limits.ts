/**
 * Reads an XLSX (ZIP) archive through yauzl under limits before anyone inflates it for real: the
 * entry count and the declared inflated sizes (total, and ratio per part) are checked from the
 * table of contents first, then every part is inflated as a stream, counted and checksummed, so a
 * bomb is refused in milliseconds and a lying or damaged archive stops at its first wrong byte.
 */
import { crc32 } from 'node:zlib';
import { errors } from '@corridor/core';
import yauzl from 'yauzl';

/** Limits on an archive a user hands in. */
export interface ArchiveLimits {
  /** Most parts in the archive (an XLSX has a dozen or so). */
  maxEntries?: number;
  /** Most bytes all parts may inflate to, declared or actual. */
  maxInflatedBytes?: number;
  /** Highest inflated/compressed ratio of a part larger than `ratioFloorBytes`. */
  maxRatio?: number;
  /** Parts smaller than this once inflated are not held to `maxRatio`. */
  ratioFloorBytes?: number;
}

/** The limits used when none are given: room for a 124,000-person registry, not for a bomb. */
export const defaultArchiveLimits: Required<ArchiveLimits> = {
  maxEntries: 10_000,
  maxInflatedBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/** Opens the archive's table of contents, naming damage as the user can act on it. */
async function open(input: string | Buffer): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    autoClose: false,
    validateEntrySizes: true,
    strictFileNames: false,
  };
  try {
    return typeof input === 'string'
      ? await yauzl.openPromise(input, options)
      : await yauzl.fromBufferPromise(input, options);
  } catch (error) {
    throw errors.invalidInput(
      `the XLSX file cannot be read: it is not a whole ZIP archive (an XLSX file is one): ${(error as Error).message}`,
    );
  }
}

/** Inflates one part as a stream, counting its bytes against what is left and checking its CRC. */
async function inflatePart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  part: number,
  left: number,
): Promise<number> {
  let size = 0;
  let crc = 0;
  const damaged = (why: string) =>
    errors.invalidInput(`the XLSX file cannot be read: part ${part} of the archive ${why}`);
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > left) {
        stream.destroy();
        return size;
      }
      crc = crc32(chunk, crc);
    }
  } catch (error) {
    throw damaged(`cannot be decompressed (${(error as Error).message})`);
  }
  if (crc !== entry.crc32) throw damaged('is damaged (its checksum does not match)');
  return size;
}

/** The archive's entries, with damage to its table of contents named as such. */
async function* tableOfContents(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  const entries = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<yauzl.Entry>;
    try {
      next = await entries.next();
    } catch (error) {
      throw errors.invalidInput(
        `the XLSX file cannot be read: its table of contents is damaged (${(error as Error).message})`,
      );
    }
    if (next.done) return;
    yield next.value;
  }
}

/**
 * Refuses an archive over a limit (413 naming the limit) or damaged (400), before any other reader
 * inflates it; returns the number of bytes the parts inflate to.
 */
export async function checkArchive(
  input: string | Buffer,
  limits: ArchiveLimits = {},
): Promise<number> {
  const l = { ...defaultArchiveLimits, ...limits };
  const zip = await open(input);
  try {
    if (zip.entryCount > l.maxEntries)
      throw errors.archiveLimit(
        'maxEntries',
        `it holds ${zip.entryCount} parts`,
        `${l.maxEntries} parts`,
      );
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of tableOfContents(zip)) {
      entries.push(entry);
      declared += entry.uncompressedSize;
      if (declared > l.maxInflatedBytes)
        throw errors.archiveLimit(
          'maxInflatedBytes',
          `it declares at least ${mib(declared)} once inflated`,
          mib(l.maxInflatedBytes),
        );
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > l.ratioFloorBytes && ratio > l.maxRatio)
        throw errors.archiveLimit(
          'maxRatio',
          `part ${entries.length} declares it inflates ${Math.round(ratio)} times`,
          `${l.maxRatio} times`,
        );
    }
    let inflated = 0;
    for (const [k, entry] of entries.entries()) {
      if (entry.isEncrypted())
        throw errors.invalidInput(`the XLSX file cannot be read: part ${k + 1} is encrypted`);
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
        throw errors.invalidInput(
          `the XLSX file cannot be read: part ${k + 1} uses a compression XLSX does not`,
        );
      inflated += await inflatePart(zip, entry, k + 1, l.maxInflatedBytes - inflated);
      if (inflated > l.maxInflatedBytes)
        throw errors.archiveLimit(
          'maxInflatedBytes',
          `its parts inflate to more than ${mib(l.maxInflatedBytes)}`,
          mib(l.maxInflatedBytes),
        );
    }
    return inflated;
  } finally {
    zip.close();
  }
}
