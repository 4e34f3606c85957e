/**
 * Fuzzing `POST /api/import` (M12): malformed CSV, XLSX and JSON files (the storage fuzzer's
 * inputs) sent through the API on both backends. Every answer is a success or a 4xx from the
 * error catalogue with a message — never a 5xx — and a refused file writes nothing.
 * FUZZ_API_IMPORTS sets the count per backend (default 1,000; 5,000 each was run once, see
 * bench/README.md).
 */
import { generateDemo } from '@corridor/core';
import { fuzzImportInput, validFuzzXlsx } from '@corridor/formats/test-support';
import { backends } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const count = Number(process.env.FUZZ_API_IMPORTS ?? 1000);
const demo = generateDemo({ people: 30, seed: 12 });

describe.each(backends)('POST /api/import fuzzing on $name', (backend) => {
  let server: TestServer;
  let validXlsx: Buffer;
  beforeAll(async () => {
    server = await startTestServer(backend, {}, demo);
    validXlsx = await validFuzzXlsx();
  });
  afterAll(async () => server.close());

  it(`answers ${count} malformed files with 4xx and a message, never 5xx`, async () => {
    const persons = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(server.store.db))
          .rows[0]?.n,
      );
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (let k = 0; k < count; k++) {
      const source = await fuzzImportInput(200_000 + k, validXlsx);
      if (!('content' in source)) continue;
      const dryRun = k % 10 !== 0;
      const before = dryRun ? 0 : await persons();
      const r = await server.as('registrar', {
        method: 'POST',
        url: '/api/import',
        payload: { name: source.name, content: source.content.toString('base64'), dryRun },
      });
      statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1;
      const body = r.json() as { error?: string; message?: string };
      if (r.statusCode >= 500) failures.push(`input ${k}: ${r.statusCode} ${body.message ?? ''}`);
      else if (r.statusCode >= 400 && !(body.error && (body.message ?? '').length >= 10))
        failures.push(`input ${k}: ${r.statusCode} without a clear message`);
      if (!dryRun && r.statusCode >= 400 && (await persons()) !== before)
        failures.push(`input ${k}: refused but wrote persons`);
      if (failures.length >= 20) break;
    }
    expect(failures).toEqual([]);
    expect(Object.keys(statuses).every((s) => Number(s) < 500)).toBe(true);
    expect(statuses[422] ?? 0).toBeGreaterThan(count * 0.2);
  }, 900_000);
});
