/**
 * `corridor mapping …`, `corridor import kobo …` and their routes (issue 23 item 4): the CLI's
 * `--dry-run` writes nothing (`corridor import` has a --dry-run of its own), the CLI and the API
 * answer alike, a broken export is refused over HTTP with 422 naming sheet, row and column, a zip
 * bomb with 413 (never 500), and other roles are refused on both interfaces.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '@corridor/core';
import { xlsxBomb } from '@corridor/formats/test-support';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const folder = mkdtempSync(join(tmpdir(), 'corridor-mapping-cli-'));
const mapping = {
  name: 'odk-registration',
  source: 'odk',
  households: { fields: { case_id: 'household_id', origin: 'origin_country' } },
  members: {
    sheet: 'members',
    fields: { name: 'full_name', gender: 'sex', dob: 'birth_date', head: 'is_head' },
  },
  ignore: ['today'],
};
const main = 'today,case_id,origin,KEY\n2026-03-02,OK-1,SYR,uuid:1\n2026-03-02,OK-2,AFG,uuid:2\n';
const members =
  'name,gender,dob,head,PARENT_KEY,KEY\n' +
  'Rana Haddad,F,1990-01-01,yes,uuid:1,uuid:1/m[1]\n' +
  'Sami Haddad,M,1988-04-02,no,uuid:1,uuid:1/m[2]\n' +
  'Yusuf Nasser,M,1980-05-05,yes,uuid:2,uuid:2/m[1]\n';
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

describe('corridor import kobo and /api/import/form', () => {
  const shared = sharedServer(generateDemo({ people: 20, seed: 8 }));
  const { cli, api } = shared;
  const persons = async () =>
    (
      await shared.server.store.db
        .selectFrom('persons')
        .select('id')
        .where('household_id', 'in', ['OK-1', 'OK-2'])
        .execute()
    ).length;

  it('saves a mapping and imports from the CLI; --dry-run writes nothing', async () => {
    writeFileSync(join(folder, 'mapping.json'), JSON.stringify(mapping));
    mkdirSync(join(folder, 'export'));
    writeFileSync(join(folder, 'export', 'registration.csv'), main);
    writeFileSync(join(folder, 'export', 'members.csv'), members);
    const saved = await cli('mapping', 'save', join(folder, 'mapping.json'));
    expect(saved.code, saved.stderr).toBe(0);
    const listed = await cli('mapping', 'list', '--json');
    expect(JSON.parse(listed.stdout)).toEqual(
      (await api('registrar', 'GET', '/api/mappings')).json(),
    );
    const args = [
      'import',
      'kobo',
      join(folder, 'export', 'registration.csv'),
      '--repeat',
      join(folder, 'export', 'members.csv'),
      '--mapping',
      'odk-registration',
    ];
    const dry = await cli(...args, '--dry-run', '--json');
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ok: true, dryRun: true, written: false });
    expect(await persons()).toBe(0);
    const done = await cli(...args);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/households 2 new.*\n.*persons 3 new/);
    expect(await persons()).toBe(3);
  });

  it('refuses over HTTP: other roles 403, a broken export 422 by sheet and row, a bomb 413', async () => {
    const files = [
      { name: 'registration.csv', content: b64(`${main}2026-03-03,OK-3,SYR,uuid:3\n`) },
      { name: 'members.csv', content: b64(members + 'Lost One,F,1999-01-01,yes,uuid:9,x\n') },
    ];
    for (const role of ['planner', 'auditor', 'movement-officer'] as const) {
      expect(
        (await api(role, 'POST', '/api/import/form', { mapping: mapping.name, files })).statusCode,
      ).toBe(403);
      expect((await api(role, 'POST', '/api/mappings', mapping)).statusCode).toBe(403);
    }
    const broken = await api('registrar', 'POST', '/api/import/form', {
      mapping: mapping.name,
      files,
    });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().details.problems).toEqual([
      expect.objectContaining({ sheet: 'members', row: 5, column: 'PARENT_KEY', value: 'uuid:9' }),
      expect.objectContaining({ sheet: 'registration', row: 4, column: 'KEY', value: 'uuid:3' }),
    ]);
    const bomb = await api('registrar', 'POST', '/api/import/form', {
      mapping: mapping.name,
      files: [{ name: 'bomb.xlsx', content: b64(xlsxBomb(1024)) }],
    });
    expect(bomb.statusCode).toBe(413);
    const unknown = await api('registrar', 'POST', '/api/import/form', {
      mapping: 'nope',
      files,
    });
    expect(unknown.statusCode).toBe(404);
    expect(await persons()).toBe(3);
  });
});
