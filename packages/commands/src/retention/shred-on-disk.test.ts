/**
 * The raw data folder after a retention run (PGlite): a shredded document's ciphertext is in no
 * table file any more (the job vacuums), only in the write-ahead log, as docs/retention.md says.
 * Without the vacuum the same search finds it in the documents table's file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { expect, it } from 'vitest';
import { execute } from '../execute.js';
import { runRetention } from './run.js';

const demo = generateDemo({ people: 40, seed: 11 });

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it('leaves a shredded document’s ciphertext in no table file of the data folder', async () => {
  const { store, dataDir, close } = await backends[0]!.fresh();
  try {
    await store.registry.createOperation(demo, { name: 'test-seed', role: 'admin' });
    const doc = demo.documents[0]!;
    const caseId = demo.persons.find((p) => p.id === doc.personId)!.householdId;
    const row = await store.db
      .selectFrom('documents')
      .select('secret')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    // 32 bytes of the sealed number and MRZ, past its header: what an attacker would look for.
    const needle = Buffer.from(row.secret).subarray(8, 40);
    await store.db
      .updateTable('households')
      .set({ status: 'arrived' })
      .where('id', '=', caseId)
      .execute();
    await store.db
      .insertInto('case_history')
      .values({
        household_id: caseId,
        from_status: 'departed',
        to_status: 'arrived',
        actor: 'test',
        role: 'admin',
        reason: 'arrived',
        reason_sealed: null,
        reason_members: null,
        change: null,
        at: new Date(Date.now() - 200 * 86_400_000),
      })
      .execute();
    const report = await execute(
      runRetention,
      { actor: { name: 'test', role: 'admin', via: 'cli' }, store, now: new Date() },
      {},
    );
    expect(report.categories.find((c) => c.category === 'documents')?.persons).toContain(
      doc.personId,
    );
    await store.close();
    const holding = files(dataDir)
      .filter((f) => readFileSync(f).includes(needle))
      .map((f) => relative(dataDir, f));
    expect(holding.filter((f) => !f.includes('pg_wal'))).toEqual([]);
  } finally {
    await close().catch(() => undefined);
  }
});
