/**
 * `corridor person add|edit` and their routes (issue 22): the issue's own `person add` line, the
 * counts that follow it in the CLI and the API, and a stale edit refused with 409 and both values.
 */
import { generateDemo } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const demo = generateDemo({ people: 60, seed: 11 });

describe('person add and edit from the CLI and the API', () => {
  const shared = sharedServer(demo);

  const { cli } = shared;
  const { api } = shared;

  it('adds a newborn with the issue line, and the CLI, the API and the case count them', async () => {
    const before = (await api('auditor', 'GET', '/api/status')).json() as { persons: number };
    const sizeOf = async () =>
      (
        (await api('auditor', 'GET', '/api/cases?limit=500')).json() as {
          cases: { id: string; persons: number }[];
        }
      ).cases.find((c) => c.id === 'C-0001')!.persons;
    const size = await sizeOf();
    const added = await cli(
      ...'person add --case C-0001 --given-name Amal --family-name Haddad --sex f --birth-date 2026-11-30 --json'.split(
        ' ',
      ),
    );
    expect(added.code, added.stderr).toBe(0);
    const out = JSON.parse(added.stdout) as { personId: string; version: number };
    expect(out).toMatchObject({
      case: 'C-0001',
      version: 1,
      person: {
        sex: 'F',
        birthYear: 2026,
        pii: { givenName: 'Amal', familyName: 'Haddad', birthDate: '2026-11-30' },
      },
    });
    const status = await cli('status', '--json');
    expect((JSON.parse(status.stdout) as { persons: number }).persons).toBe(before.persons + 1);
    const after = (await api('auditor', 'GET', '/api/status')).json() as { persons: number };
    expect(after.persons).toBe(before.persons + 1);
    expect(await sizeOf()).toBe(size + 1);
    const view = (await api('registrar', 'GET', '/api/cases/C-0001')).json() as {
      members: { id: string; version: number }[];
      history: { change: string | null; reason: string }[];
    };
    expect(view.members).toContainEqual(expect.objectContaining({ id: out.personId, version: 1 }));
    expect(view.history.at(-1)).toMatchObject({
      change: `person ${out.personId} added`,
      reason: 'new member registered at the desk',
    });
    // An auditor sees the edit in the history, not the reason.
    const audited = (await api('auditor', 'GET', '/api/cases/C-0001')).json() as typeof view;
    expect(audited.history.at(-1)).toMatchObject({ change: `person ${out.personId} added` });
    expect(JSON.stringify(audited)).not.toMatch(/Amal|Haddad/);
  });

  it('refuses a stale edit over HTTP with 409 and both versions, and writes nothing', async () => {
    const added = (
      await api('registrar', 'POST', '/api/cases/C-0002/persons', {
        givenName: 'Yusuf',
        familyName: 'Karimi',
        sex: 'M',
        birthDate: '2026-10-02',
        reason: 'born at the district hospital',
      })
    ).json() as { personId: string };
    const url = `/api/persons/${added.personId}`;
    const first = await api('registrar', 'PATCH', url, {
      version: 1,
      givenName: 'Youssef',
      reason: 'spelling on the birth certificate',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, changed: ['givenName'] });
    const events = (await shared.server.store.audit.events(0, 1_000_000)).length;
    const stale = await api('protection-officer', 'PATCH', url, {
      version: 1,
      givenName: 'Yousef',
      sex: 'F',
      reason: 'a second desk worked from the old record',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: 'stale-version',
      status: 409,
      details: {
        version: { stored: 2, submitted: 1 },
        stored: { givenName: 'Youssef', sex: 'M' },
        submitted: { givenName: 'Yousef', sex: 'F' },
      },
    });
    expect((await shared.server.store.audit.events(0, 1_000_000)).length).toBe(events);
    // The CLI says the same, with both values side by side.
    const cli409 = await cli(
      'person',
      'edit',
      added.personId,
      '--given-name',
      'Yousef',
      '--version',
      '1',
      '--reason',
      'a third desk',
    );
    expect(cli409.code).toBe(1);
    expect(cli409.stderr).toMatch(/changed after version 1 \(it is now version 2\)/);
    expect(cli409.stderr).toContain('givenName: stored "Youssef", submitted "Yousef"');
    const fixed = await cli(
      'person',
      'edit',
      added.personId,
      '--given-name',
      'Yousef',
      '--version',
      '2',
      '--reason',
      'as the family spells it',
    );
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toContain(`person ${added.personId} corrected in case C-0002: givenName`);
    expect((await cli('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('refuses a planner over HTTP and bad input with the field named', async () => {
    const planner = await api('planner', 'POST', '/api/cases/C-0001/persons', {
      givenName: 'A',
      familyName: 'B',
      sex: 'F',
    });
    expect(planner.statusCode).toBe(403);
    const bad = await api('registrar', 'POST', '/api/cases/C-0001/persons', {
      givenName: 'A',
      familyName: 'B',
      sex: 'F',
      birthDate: '2999-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      message: expect.stringMatching(/at birthDate: must not be in the future/),
    });
  });
});
