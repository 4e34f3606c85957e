import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '@corridor/storage';
import { pdfContent, tempDir } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../../..');
const bin = join(root, 'packages/cli/bin/corridor.js');
const key = Buffer.alloc(32, 5).toString('base64');
const env = { ...process.env, DATABASE_URL: '', CORRIDOR_DATA: '', CORRIDOR_MASTER_KEY: key };

/** The text a PDF shows, one line per text run. */
function pdfText(file: string): string {
  return pdfContent(readFileSync(file)).texts.join('\n');
}

describe('corridor property, custody and incident export', () => {
  const { dir, cleanup } = tempDir();
  const data = join(dir, 'data');
  const corridor = (args: string[], role = 'admin') => {
    const r = spawnSync(process.execPath, [bin, ...args, '--data', data, '--role', role], {
      cwd: root,
      encoding: 'utf8',
      env,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const json = (args: string[], role = 'admin') => {
    const r = corridor([...args, '--json'], role);
    if (r.code !== 0) throw new Error(`corridor ${args.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  afterAll(cleanup);
  beforeAll(() => {
    expect(corridor(['demo', '--people', '200']).code).toBe(0);
  }, 120_000);

  it('reports the demo ledger: 10.7 M USD offered, 10% at a quarter permitted and realised', () => {
    const report = json(['property', 'report']);
    const usd = report.totals.find((t: { currency: string }) => t.currency === 'USD');
    expect(usd).toMatchObject({
      offered: 1_070_000_000,
      permitted: 26_750_000,
      realised: 26_750_000,
    });
    const text = corridor(['property', 'report']).stdout;
    expect(text).toContain('10,700,000.00 USD');
    expect(text).toContain('267,500.00 USD');
  });

  it('refuses negative values and unknown currencies, naming the option, and writes nothing', () => {
    const before = json(['property', 'list']).assets.length;
    const add = (value: string, currency: string) =>
      corridor([
        'property',
        'add',
        '--id',
        'A-NEW',
        '--category',
        'vehicles',
        '--description',
        'truck',
        '--value',
        value,
        '--currency',
        currency,
        '--appraised-on',
        '2031-01-01',
      ]);
    const negative = add('-5', 'USD');
    expect(negative.code).toBe(1);
    expect(negative.stderr).toMatch(/--value "-5" must be an amount of USD that is not negative/);
    expect(add('100', 'XXY').stderr).toMatch(/--currency "XXY" is not an ISO 4217 currency code/);
    expect(add('1.234', 'USD').stderr).toMatch(/--value "1.234"/);
    expect(json(['property', 'list']).assets.length).toBe(before);
    expect(add('1.234', 'IQD').code).toBe(0);
    expect(
      json(['property', 'list']).assets.find((a: { id: string }) => a.id === 'A-NEW')
        .appraisedMinor,
    ).toBe(1234);
  });

  it('keeps the custody order, makes a PDF record, and detects a tampered event', () => {
    const items = json(['custody', 'list']);
    expect(items.length).toBeGreaterThan(200);
    const person = items[0].personId;
    expect(
      corridor(['custody', 'add-item', person, '--id', 'B-T1', '--category', 'radio']).code,
    ).toBe(0);
    const early = corridor([
      'custody',
      'event',
      'B-T1',
      '--kind',
      'returned',
      '--at',
      '2031-06-30T08:00:00+03:00',
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/kind returned cannot come as the first event/);
    const unknown = corridor([
      'custody',
      'event',
      'B-NONE',
      '--kind',
      'packed',
      '--at',
      '2031-06-30T08:00:00+03:00',
    ]);
    expect(unknown.stderr).toMatch(/itemId B-NONE is not a recorded belonging/);
    const ok = json(
      [
        'custody',
        'event',
        'B-T1',
        '--kind',
        'confiscated',
        '--at',
        '2031-06-30T08:00:00+03:00',
        '--by',
        'guard',
        '--witness',
        'officer',
        '--receipt',
        'R-17',
      ],
      'movement-officer',
    );
    expect(ok).toMatchObject({ seq: 1, kind: 'confiscated', detail: { receipt: 'R-17' } });
    const hidden = json(['custody', 'list', person], 'auditor');
    expect(hidden.every((i: { description: unknown }) => i.description === null)).toBe(true);
    const pdf = join(dir, 'record.pdf');
    const written = json(['custody', 'record', person, '--out', pdf]);
    expect(written).toMatchObject({ chainVerified: true });
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('receipt: R-17');
    expect(text).toContain('every custody chain verified');
    const member = json(['case', 'show', written.householdId]).members.find(
      (m: { id: string }) => m.id === person,
    );
    expect(text).toContain(`${member.pii.givenName} ${member.pii.familyName}`);
    const hiddenPdf = join(dir, 'record-auditor.pdf');
    json(['custody', 'record', person, '--out', hiddenPdf], 'auditor');
    const hiddenText = pdfText(hiddenPdf);
    expect(hiddenText).toContain('(name hidden for your role)');
    expect(hiddenText).not.toContain('R-17');
    expect(hiddenText).not.toContain(member.pii.familyName);
    expect(json(['custody', 'verify'])).toMatchObject({ ok: true });
  });

  it('exports incidents as HXL-tagged CSV, narratives only when asked and allowed', () => {
    const csv = corridor(['incident', 'export', '--hxl']).stdout.split('\n');
    expect(csv[0]).toBe('id,type,at,timezone,site,lat,lon,injured,killed,source,confidence,cases');
    expect(csv[1]).toContain('#event+type,#date');
    expect(csv.filter((l) => l.includes('indirect-fire'))).toHaveLength(5);
    expect(csv.join('\n')).not.toContain('Rockets');
    expect(corridor(['incident', 'export', '--narratives']).stdout).toContain('Rockets');
    expect(corridor(['incident', 'export', '--narratives'], 'auditor').stderr).toMatch(
      /may not read incident narratives/,
    );
  });

  it('custody verify exits 3 after an event was edited in the database', async () => {
    const store = await openStore({ dataDir: data, create: false }, env);
    try {
      await sql`update custody_events set kind = 'returned' where item_id = 'B-T1'`.execute(
        store.db,
      );
    } finally {
      await store.close();
    }
    const r = corridor(['custody', 'verify']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('custody event B-T1#1 was changed after it was written');
  });
});
