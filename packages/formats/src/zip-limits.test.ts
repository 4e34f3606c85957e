import { CorridorError } from '@corridor/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '@corridor/storage/test-support';
import { validFuzzXlsx } from './test-support/import-fuzz-inputs.js';
import { xlsxBomb } from './test-support/zip-bomb.js';
import { readXlsxRows } from './xlsx-read.js';
import { checkArchive } from './zip-limits.js';

/** The catalogued error `checkArchive` refused with, and how long it took. */
async function refusal(run: Promise<unknown>) {
  const started = performance.now();
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CorridorError);
  const { id, status, message, details } = error as CorridorError;
  return { id, status, message, details, ms: performance.now() - started };
}

describe('archive limits', () => {
  const files = tempDir();
  afterAll(() => files.cleanup());

  it('the bomb is a real archive: with the limits lifted it inflates whole and its checksum holds', async () => {
    const bomb = xlsxBomb(64);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const bytes = await checkArchive(bomb, { maxInflatedBytes: 2 ** 31, maxRatio: 10_000 });
    expect(bytes).toBeGreaterThan(64 * 1024 * 1024);
  });

  it('refuses a 1 MB workbook that truly declares 1 GB, from its table of contents, in well under 2 s', async () => {
    const bomb = xlsxBomb(1024);
    expect(bomb.length).toBeLessThan(1.2 * 1024 * 1024);
    const r = await refusal(checkArchive(bomb));
    expect(r).toMatchObject({
      id: 'archive-limit',
      status: 413,
      details: { limit: 'maxInflatedBytes' },
    });
    expect(r.message).toMatch(/declares at least 1024\.\d MiB .*maxInflatedBytes of 512\.0 MiB/);
    expect(r.ms).toBeLessThan(2000);
    // Through the reader the importer uses, too.
    const rows = readXlsxRows(bomb);
    expect((await refusal(rows.next())).details).toEqual({ limit: 'maxInflatedBytes' });
  });

  it('refuses a part that declares a bomb-like ratio, and too many parts', async () => {
    const ratio = await refusal(checkArchive(xlsxBomb(8)));
    expect(ratio).toMatchObject({ status: 413, details: { limit: 'maxRatio' } });
    expect(ratio.message).toMatch(/part 4 declares it inflates \d{3,} times/);
    const valid = await validFuzzXlsx();
    expect(await checkArchive(valid)).toBeGreaterThan(valid.length);
    // From a file, as the CLI reads it: every part is still readable after the table of contents.
    const path = join(files.dir, 'valid.xlsx');
    writeFileSync(path, valid);
    expect(await checkArchive(path)).toBe(await checkArchive(valid));
    const many = await refusal(checkArchive(valid, { maxEntries: 3 }));
    expect(many).toMatchObject({ status: 413, details: { limit: 'maxEntries' } });
  });

  it('stops a bomb that understates its size at the first byte past what it declared', async () => {
    const r = await refusal(checkArchive(xlsxBomb(1024, 1)));
    expect(r).toMatchObject({ id: 'invalid-input', status: 400 });
    expect(r.message).toMatch(/part 4 of the archive cannot be decompressed/);
    expect(r.ms).toBeLessThan(2000);
    // Under the total limit when sizes are stated truly but the parts lie in sum.
    const lying = await refusal(
      checkArchive(xlsxBomb(16), { maxInflatedBytes: 8 * 1024 * 1024, maxRatio: 10_000 }),
    );
    expect(lying.details).toEqual({ limit: 'maxInflatedBytes' });
  });

  it('names damage: not a ZIP, a wrong checksum', async () => {
    const notZip = await refusal(checkArchive(Buffer.from('plain text, not a workbook')));
    expect(notZip.message).toMatch(/not a whole ZIP archive/);
    const bomb = xlsxBomb(2);
    // The central directory's CRC field of the sheet (its name starts 30 bytes after it).
    const crcAt = bomb.lastIndexOf('xl/worksheets/sheet1.xml') - 30;
    bomb[crcAt] = bomb[crcAt]! ^ 0xff;
    const damaged = await refusal(checkArchive(bomb, { maxRatio: 10_000 }));
    expect(damaged.message).toMatch(/part 4 of the archive (is damaged|cannot be decompressed)/);
  });
});
