/**
 * `corridor procedure …` and its routes (issue 21): the issue's own record line, the CLI and the
 * API answering alike, roles refused on both, notes hidden from the auditor on both, and bad
 * input (a step before its predecessor, an expiry before its issue, bad import rows) refused with
 * row, field and reason and nothing written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const demo = generateDemo({ people: 60, seed: 12 });
const state = demo.destinations[0]!.id;
const folder = mkdtempSync(join(tmpdir(), 'corridor-procedure-cli-'));

describe('corridor procedure from the CLI and the API', () => {
  const shared = sharedServer(demo);

  const { cli } = shared;
  const { api } = shared;
  const stepRows = async () =>
    (await shared.server.store.db.selectFrom('procedure_steps').selectAll().execute()).length;

  it('records the issue’s line and shows the same procedure in the CLI and the API', async () => {
    const decision = await cli(
      ...`procedure record --case C-0001 --state ${state} --step decision --date 2026-01-15 --outcome positive --json`.split(
        ' ',
      ),
    );
    expect(decision.code, decision.stderr).toBe(0);
    const visa = await cli(
      ...`procedure record --case C-0001 --state ${state} --step visa --date 2026-03-01 --outcome positive --expires 2026-09-01 --json`.split(
        ' ',
      ),
      '--note',
      'collected by the eldest son at the embassy',
    );
    expect(visa.code, visa.stderr).toBe(0);
    expect(JSON.parse(visa.stdout)).toMatchObject({
      case: 'C-0001',
      state,
      latestDate: '2026-09-01',
      readyDate: null,
      caseMoved: null,
    });
    const viaCli = JSON.parse((await cli('procedure', 'show', 'C-0001', '--json')).stdout);
    const viaApi = (await api('planner', 'GET', '/api/cases/C-0001/procedures')).json();
    expect(viaApi).toEqual(viaCli);
    expect(JSON.stringify(viaApi)).toContain('eldest son');
    // The auditor reads the steps on both, never the note.
    const audited = await cli('--role', 'auditor', 'procedure', 'show', 'C-0001', '--json');
    expect(audited.code, audited.stderr).toBe(0);
    const auditedApi = (await api('auditor', 'GET', '/api/cases/C-0001/procedures')).json();
    expect(JSON.parse(audited.stdout)).toEqual(auditedApi);
    expect(JSON.stringify(auditedApi)).not.toContain('eldest son');
    expect(auditedApi).toMatchObject({
      states: [{ steps: [{ step: 'decision' }, { step: 'visa', note: null }] }],
    });
    const text = await cli('procedure', 'list', '--expiring', '3650');
    expect(text.stdout).toMatch(new RegExp(`C-0001 +${state}`));
    const listed = (await api('auditor', 'GET', '/api/procedures?expiringWithin=3650')).json();
    expect(listed).toEqual(
      JSON.parse((await cli('procedure', 'list', '--expiring', '3650', '--json')).stdout),
    );
  });

  it('refuses other roles on both interfaces and writes nothing', async () => {
    const before = await stepRows();
    const r = await api('registrar', 'POST', '/api/procedures/steps', {
      caseId: 'C-0002',
      state,
      step: 'dossier',
      outcome: 'pending',
    });
    expect(r.statusCode).toBe(403);
    const c = await cli(
      ...`--role movement-officer procedure record --case C-0002 --state ${state} --step dossier --outcome pending`.split(
        ' ',
      ),
    );
    expect(c.code).not.toBe(0);
    expect(c.stderr).toMatch(/procedure\.record/);
    const t = await api('auditor', 'POST', `/api/procedures/templates/${state}`, {
      steps: [{ step: 'visa', typicalDays: 1, expires: true }],
    });
    expect(t.statusCode).toBe(403);
    expect(await stepRows()).toBe(before);
  });

  it('refuses a step out of order and an expiry before its issue, naming the field', async () => {
    await cli(
      ...`procedure record --case C-0003 --state ${state} --step interview --date 2026-02-01 --outcome done`.split(
        ' ',
      ),
    );
    const before = await stepRows();
    const early = await cli(
      ...`procedure record --case C-0003 --state ${state} --step decision --date 2026-01-01 --outcome positive`.split(
        ' ',
      ),
    );
    expect(early.code).not.toBe(0);
    expect(early.stderr).toMatch(/date: 2026-01-01 is before the interview step's date 2026-02-01/);
    const expired = await api('planner', 'POST', '/api/procedures/steps', {
      caseId: 'C-0003',
      state,
      step: 'visa',
      date: '2026-05-01',
      outcome: 'positive',
      expires: '2026-04-01',
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().message).toMatch(/expires: expiry 2026-04-01 is before the issue date/);
    expect(await stepRows()).toBe(before);
  });

  it('imports a file all or nothing from the CLI and the API, every bad row named', async () => {
    const before = await stepRows();
    const bad = join(folder, 'bad.csv');
    writeFileSync(
      bad,
      [
        'case,state,step,date,outcome,expires',
        `C-0004,${state},dossier,2026-01-05,done,`,
        `C-0004,${state},visa,2026-03-01,positive,2026-02-01`,
        `C-0004,${state},nowhere,2026-03-01,done,`,
      ].join('\n'),
    );
    const refused = await cli('procedure', 'import', bad);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/row 3, expires: expiry 2026-02-01 is before the issue date/);
    expect(refused.stderr).toMatch(/row 4, step: "nowhere"/);
    const viaApi = await api('planner', 'POST', '/api/procedures/import', {
      content: Buffer.from(
        `case,state,step,date,outcome\nC-0004,${state},dossier,2026-01-05,done\nC-0004,${state},interview,2025-12-01,done\n`,
      ).toString('base64'),
      format: 'csv',
    });
    expect(viaApi.statusCode).toBe(400);
    expect(viaApi.json().details.problems).toEqual([
      { row: 3, field: 'date', reason: "2025-12-01 is before the dossier step's date 2026-01-05" },
    ]);
    expect(await stepRows()).toBe(before);
    const good = join(folder, 'good.csv');
    writeFileSync(
      good,
      `case,state,step,date,outcome\nC-0004,${state},dossier,2026-01-05,done\nC-0004,${state},interview,2026-02-01,done\n`,
    );
    const ok = await cli('procedure', 'import', good, '--json');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ imported: 2, cases: 1 });
    expect(await stepRows()).toBe(before + 2);
  });
});
