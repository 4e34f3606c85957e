import { generateDemo, roles, type Role } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server.js';

const demo = generateDemo({ people: 300, seed: 9 });
const fullNames = demo.persons.map((p) => `${p.pii.givenName} ${p.pii.familyName}`);
const secrets = [...fullNames, ...demo.documents.map((d) => d.number)];
const noted = demo.persons.find((p) => p.pii.protectionNote && p.pii.phone)!;
const notedCase = noted.householdId;

describe.each(backends)('protecting the people in the data on $name', (backend) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(backend, {}, demo);
  });
  afterAll(async () => server.close());

  const caseAs = async (role: Role, id = notedCase) =>
    (await server.as(role, { url: `/api/cases/${id}` })).json();

  it('shows each role only the fields the policy gives it', async () => {
    type Shown = { members: Record<string, unknown>[] };
    const member = (body: Shown) => body.members.find((m) => m.id === noted.id)!;
    const full = member(await caseAs('protection-officer'));
    expect(full.pii).toMatchObject({
      phone: noted.pii.phone,
      protectionNote: noted.pii.protectionNote,
    });

    const boarding = member(await caseAs('movement-officer'));
    expect(boarding.pii).toEqual({
      givenName: noted.pii.givenName,
      familyName: noted.pii.familyName,
    });
    expect([boarding.sex, boarding.birthYear]).toEqual([noted.sex, noted.birthYear]);
    // The birth date is hidden from movement officers, so no field may carry it: not the
    // passport's machine-readable lines (YYMMDD at 14-19 of line 2), not anything else sent.
    const boardingText = JSON.stringify(await caseAs('movement-officer'));
    for (const p of demo.persons.filter((x) => x.householdId === notedCase && x.pii.birthDate)) {
      const [y, m, d] = p.pii.birthDate!.split('-');
      expect(boardingText).not.toContain(p.pii.birthDate!);
      expect(boardingText).not.toContain(`${y!.slice(2)}${m}${d}`);
    }
    for (const d of demo.documents.filter((x) => x.personId === noted.id && x.mrz))
      expect(boardingText).not.toContain(d.mrz![1]);

    const planning = JSON.stringify(await caseAs('planner'));
    expect(planning).not.toContain(noted.pii.protectionNote!);
    for (const d of demo.documents.filter((x) => x.personId === noted.id))
      expect(planning).not.toContain(d.number);

    const audit = await caseAs('auditor');
    const text = JSON.stringify(audit);
    for (const p of demo.persons.filter((x) => x.householdId === notedCase)) {
      expect(text).not.toContain(p.pii.familyName);
      expect(text).not.toContain(p.pii.givenName);
    }
    expect(audit.hiddenFields).toContain('name');
    expect(member(audit)).toMatchObject({ pii: null, sex: null, birthYear: null, needs: [] });
  });

  it('erases a person through the API: unreadable for everyone, counts unchanged', async () => {
    const target = demo.persons.find((p) => p.householdId !== notedCase && !p.isHead)!;
    const before = (await server.as('admin', { url: '/api/status' })).body;
    const publicBefore = (await server.app.inject({ url: '/api/public/stats' })).body;
    const r = await server.as('protection-officer', {
      method: 'POST',
      url: `/api/persons/${target.id}/erase`,
    });
    expect(r.json()).toMatchObject({
      personId: target.id,
      householdId: target.householdId,
      final: false,
      backupsHolding: [],
    });
    // Batched: final at the end of the batch, which the answer names.
    expect(Date.parse(r.json().finalBy)).toBeGreaterThan(Date.parse(r.json().erasedAt));
    expect((await server.store.keys.status()).pendingErasures).toBe(1);
    const other = demo.persons.find(
      (p) => p.householdId !== notedCase && !p.isHead && p.id !== target.id,
    )!;
    const now = await server.as('protection-officer', {
      method: 'POST',
      url: `/api/persons/${other.id}/erase?now=true`,
    });
    expect(now.json()).toMatchObject({ personId: other.id, final: true });
    expect((await server.store.keys.status()).pendingErasures).toBe(0);
    for (const role of roles) {
      const body = await caseAs(role, target.householdId);
      const shown = body.members.find((m: { id: string }) => m.id === target.id);
      expect(shown).toMatchObject({ pii: null, erased: true });
      expect(JSON.stringify(shown)).not.toContain(target.pii.familyName);
    }
    expect((await server.as('admin', { url: '/api/status' })).body).toBe(before);
    expect((await server.app.inject({ url: '/api/public/stats' })).body).toBe(publicBefore);
    const again = await server.as('admin', {
      method: 'POST',
      url: `/api/persons/${target.id}/erase`,
    });
    expect(again.statusCode).toBe(409);
  });

  it('publishes statistics without a login and without small counts', async () => {
    const r = await server.app.inject({ url: '/api/public/stats' });
    expect(r.statusCode).toBe(200);
    const stats = r.json();
    const counts = [stats.persons, stats.households, ...Object.values(stats.personsByStatus)];
    for (const c of counts) expect(c === null || c === 0 || c >= 5).toBe(true);
    expect(Object.values(stats.personsByStatus).filter((c) => c === null).length).not.toBe(1);
    expect(r.body).not.toMatch(/Demo|Camp|demo/);
  });

  it('detects a tampered audit log and says where', async () => {
    expect((await server.as('auditor', { url: '/api/audit/verify' })).json()).toMatchObject({
      ok: true,
    });
    const head = (await server.as('auditor', { url: '/api/audit/head' })).json();
    expect(head.anchor).toBe(`${head.seq}:${head.hash}`);
    const anchored = await server.as('auditor', {
      url: `/api/audit/verify?anchor=${head.anchor},1:${'0'.repeat(64)}`,
    });
    expect(anchored.json()).toMatchObject({ ok: false, seq: 1 });
    expect(anchored.json().problem).toContain('differs from its anchor');
    const bad = await server.as('auditor', { url: '/api/audit/verify?anchor=latest' });
    expect([bad.statusCode, bad.json().message]).toEqual([
      400,
      expect.stringContaining('anchor "latest" must be SEQ:HASH'),
    ]);
    expect(
      (await server.as('auditor', { url: `/api/audit/verify?anchor=${head.anchor}` })).json(),
    ).toMatchObject({ ok: true });
    const [original] = await server.store.audit.events(2, 1);
    // Straight to the table, as someone with database access would do it.
    await server.store.db
      .updateTable('audit_events')
      .set({ detail: JSON.stringify({ added: 999 }) })
      .where('seq', '=', 3)
      .execute();
    const broken = (await server.as('auditor', { url: '/api/audit/verify' })).json();
    expect(broken).toMatchObject({
      ok: false,
      seq: 3,
      problem: expect.stringMatching(/^event 3 was changed after it was written/),
    });
    await server.store.db
      .updateTable('audit_events')
      .set({ detail: JSON.stringify(original!.detail) })
      .where('seq', '=', 3)
      .execute();
    expect((await server.as('admin', { url: '/api/audit/verify' })).json().ok).toBe(true);
    await server.store.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect((await server.as('admin', { url: '/api/audit/verify' })).json()).toMatchObject({
      ok: false,
      seq: 2,
      problem: 'event 2 is missing (next is 3)',
    });
  });

  it('writes no name or document number of a person to the log', async () => {
    // Requests that carry personal data in every place a client can put it.
    const someone = demo.persons[7]!;
    const name = `${someone.pii.givenName} ${someone.pii.familyName}`;
    await server.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username: name, password: name },
    });
    await server.app.inject({
      method: 'POST',
      url: '/api/login',
      payload: `{"username": "${name}"`,
    });
    await server.as('registrar', { url: `/api/cases/${encodeURIComponent(name)}` });
    await server.as('registrar', { url: `/api/nothing?q=${encodeURIComponent(name)}` });
    await server.as('registrar', {
      method: 'POST',
      url: `/api/cases/${someone.householdId}/status`,
      payload: { to: 'on-hold', reason: `called ${name}, document ${demo.documents[0]!.number}` },
    });
    for (const role of roles)
      for (const h of demo.households.slice(0, 5))
        await server.as(role, { url: `/api/cases/${h.id}` });
    await server.as('admin', { url: '/api/audit/events?limit=1000' });
    await server.as('admin', { url: '/api/dedup' });
    const log = server.logs.join('\n');
    expect(server.logs.length).toBeGreaterThan(40);
    expect(secrets.filter((s) => log.includes(s))).toEqual([]);
    expect(log).not.toMatch(/Bearer|corridor_session|correct horse/);
  });
});
