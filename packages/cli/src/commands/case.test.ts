/**
 * `corridor case show|list|move` and the API answer alike: the same JSON for the same role, and no
 * personal data a role may not see (checked against the real names, birth dates and documents).
 */
import { generateDemo, roles, type Role } from '@corridor/core';
import { describe, expect, it } from 'vitest';
import { sharedServer } from '../test-server.js';

const demo = generateDemo({ people: 60, seed: 11 });

describe('case commands from the CLI and the API', () => {
  const shared = sharedServer(demo);

  const cli = (role: Role, ...args: string[]) => shared.cli(...args, '--role', role);

  // The case with the most personal data to leak: a member with a birth date and a document.
  const target = demo.households.find((h) =>
    demo.persons.some(
      (p) =>
        p.householdId === h.id &&
        p.pii.birthDate &&
        demo.documents.some((d) => d.personId === p.id && d.number),
    ),
  )!;
  const members = demo.persons.filter((p) => p.householdId === target.id);
  const docs = demo.documents.filter((d) => members.some((p) => p.id === d.personId));

  it('shows an auditor no name, birth date or document number, in JSON or text', async () => {
    expect(members.length).toBeGreaterThan(0);
    expect(docs.length).toBeGreaterThan(0);
    const json = await cli('auditor', 'case', 'show', target.id, '--json');
    const text = await cli('auditor', 'case', 'show', target.id);
    expect([json.code, text.code]).toEqual([0, 0]);
    for (const out of [json.stdout, text.stdout]) {
      for (const p of members) {
        expect(out).not.toContain(p.pii.givenName);
        expect(out).not.toContain(p.pii.familyName);
        if (p.pii.birthDate) expect(out).not.toContain(p.pii.birthDate);
        if (p.pii.phone) expect(out).not.toContain(p.pii.phone);
      }
      for (const d of docs) if (d.number) expect(out).not.toContain(d.number);
    }
    const shown = JSON.parse(json.stdout);
    expect(shown.hiddenFields).toEqual(expect.arrayContaining(['name', 'birthDate']));
    expect(shown.members.every((m: { pii: unknown }) => m.pii === null)).toBe(true);
  });

  it('prints with --json exactly what the API answers, for every role', async () => {
    for (const role of roles) {
      const fromCli = await cli(role, 'case', 'show', target.id, '--json');
      const fromApi = await shared.server.as(role, { url: `/api/cases/${target.id}` });
      expect(fromApi.statusCode).toBe(200);
      expect(JSON.parse(fromCli.stdout), role).toEqual(fromApi.json());
    }
    // A registrar sees everything: the redaction is the role's, not a blanket one.
    const full = await cli('registrar', 'case', 'show', target.id, '--json');
    expect(full.stdout).toContain(members[0]!.pii.familyName);
    expect(full.stdout).toContain(docs[0]!.number);
  });

  it('lists cases as the API does, and refuses a name search to a role that may not see names', async () => {
    const fromCli = await cli('planner', 'case', 'list', '--limit', '5', '--offset', '2', '--json');
    const fromApi = await shared.server.as('planner', { url: '/api/cases?limit=5&offset=2' });
    expect(JSON.parse(fromCli.stdout)).toEqual(fromApi.json());
    const name = `${members[0]!.pii.givenName} ${members[0]!.pii.familyName}`;
    const found = await cli('registrar', 'case', 'list', '--name', name, '--json');
    expect(JSON.parse(found.stdout).cases.map((c: { id: string }) => c.id)).toContain(target.id);
    const denied = await cli('auditor', 'case', 'list', '--name', name);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/may not search by name/);
  });

  it('moves a case as the workflow allows, refuses what it forbids and writes nothing then', async () => {
    const h = demo.households.find((x) => x.status === 'registered' && x.id !== target.id)!;
    const audit = async () => (await shared.server.store.audit.events(0, 1_000_000)).length;
    const before = await audit();
    const planner = await cli(
      'planner',
      'case',
      'move',
      h.id,
      '--to',
      'verified',
      '--reason',
      'ok',
    );
    expect(planner.code).toBe(1);
    expect(planner.stderr).toMatch(/reason/);
    const wrongRole = await cli(
      'planner',
      'case',
      'move',
      h.id,
      '--to',
      'verified',
      '--reason',
      'checked',
    );
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/registered to verified/);
    const skip = await cli('admin', 'case', 'move', h.id, '--to', 'departed', '--reason', 'skip');
    expect(skip.stderr).toMatch(/cannot move from registered to departed/);
    expect(await audit()).toBe(before);
    const ok = await cli(
      'registrar',
      'case',
      'move',
      h.id,
      '--to',
      'verified',
      '--reason',
      'documents checked',
      '--json',
    );
    expect(JSON.parse(ok.stdout)).toMatchObject({ case: h.id, from: 'registered', to: 'verified' });
    const events = await shared.server.store.audit.events(0, 1_000_000);
    expect(events.at(-1)).toMatchObject({ action: 'case.move', entityId: h.id });
    expect(events).toHaveLength(before + 1);
  });
});
