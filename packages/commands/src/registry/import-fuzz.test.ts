/**
 * Fuzzing the import path (M2, M12): thousands of malformed CSV, XLSX and JSON files, made by
 * seeded mutations of a valid roster, go through the reader and the core validation (a dry run
 * with no database), and some through a real import on each backend. Every one must end in a
 * report (valid, or bad rows each with a reason) or a catalogued 4xx error — never a crash —
 * and a refused import writes nothing. FUZZ_IMPORTS sets the count (default 10,000).
 */
import { isCorridorError, type ImportReport } from '@corridor/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@corridor/storage';
import { backends } from '@corridor/storage/test-support';
import { fuzzImportInput, validFuzzXlsx } from '@corridor/formats/test-support';
import { validateFile } from '@corridor/formats';
import { importFile } from './import-file.js';

const total = Number(process.env.FUZZ_IMPORTS ?? 10_000);
const registrar = { name: 'fuzz-registrar', role: 'registrar' };

/** A clear outcome: a report whose problems each say why, or a catalogued 4xx error. */
function judge(outcome: { report?: ImportReport; error?: unknown }): string | null {
  if (outcome.report) {
    const r = outcome.report;
    if (r.ok) return null;
    if (r.problems.length === 0) return 'refused without a problem listed';
    const unclear = r.problems.find((p) => !p.reason || p.reason.length < 5);
    return unclear ? `a problem without a reason: ${JSON.stringify(unclear)}` : null;
  }
  const e = outcome.error;
  if (!isCorridorError(e))
    return `crash: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  if (e.status >= 500) return `server error ${e.id}: ${e.message}`;
  return e.message.length < 10 ? `unclear error ${e.id}: ${e.message}` : null;
}

/** Runs one import; one that has not ended after 10 s counts as a hang. */
async function attempt(run: () => Promise<ImportReport>) {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer within 10 s (a hang)')), 10_000);
  });
  try {
    return { report: await Promise.race([run(), hang]) };
  } catch (error) {
    return { error };
  } finally {
    clearTimeout(timer);
  }
}

let validXlsx: Buffer;
beforeAll(async () => {
  validXlsx = await validFuzzXlsx();
});

describe('import fuzzing', () => {
  it(`validates ${total} malformed CSV, XLSX and JSON files: 0 crashes, every refusal clear`, async () => {
    const failures: string[] = [];
    let refused = 0;
    for (let k = 0; k < total; k++) {
      const source = await fuzzImportInput(k, validXlsx);
      const outcome = await attempt(() => validateFile(source, { dryRun: true }));
      if (outcome.error || !outcome.report?.ok) refused++;
      const problem = judge(outcome);
      if (problem && failures.length < 20)
        failures.push(`input ${k} (${'name' in source ? source.name : ''}): ${problem}`);
    }
    expect(failures).toEqual([]);
    // Most mutations must break the file; otherwise the fuzzing would test little.
    expect(refused).toBeGreaterThan(total * 0.6);
  }, 900_000);
});

describe.each(backends)('import fuzzing into $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ store, close } = await backend.fresh());
  });
  afterAll(async () => close());

  it('imports 150 malformed files for real: refused ones write nothing', async () => {
    const count = async () =>
      Number(
        (await sql<{ n: number }>`select count(*)::int as n from persons`.execute(store.db)).rows[0]
          ?.n,
      );
    const failures: string[] = [];
    for (let k = 0; k < 150; k++) {
      const source = await fuzzImportInput(50_000 + k, validXlsx);
      const before = await count();
      const outcome = await attempt(() => importFile(store, source, {}, registrar));
      const problem = judge(outcome);
      if (problem) failures.push(`input ${k}: ${problem}`);
      if (!outcome.report?.ok && (await count()) !== before)
        failures.push(`input ${k}: refused but wrote persons`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
