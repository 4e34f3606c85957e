/**
 * After arrival over HTTP, on PGlite and PostgreSQL (issue 23 item 5): a user confirms an arrival
 * and the follow-ups are set; bad input and the wrong roles are refused with nothing written; a
 * confirmation link works once, for its case, until it expires, and its token is nowhere in the
 * database; the case file is handed over only with referral consent, redacted, and logged.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAllocation, silentControl } from '@corridor/commands';
import { followUpSchedule, generateDemo } from '@corridor/core';
import { backends } from '@corridor/storage/test-support';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeder, startTestServer, type TestServer } from '../test-support/test-server.js';

const demo = generateDemo({ people: 120, seed: 31 });
const today = () => new Date().toISOString().slice(0, 10);

describe.each(backends)('after arrival on $name', (backend) => {
  let server: TestServer;
  /** Cases of the allocation with a destination, in order. */
  let placed: { id: string; destination: string }[];
  const departed = (id: string) =>
    server.store.db
      .updateTable('households')
      .set({ status: 'departed' })
      .where('id', '=', id)
      .execute();
  const status = async (id: string) =>
    (await server.as('auditor', { url: `/api/cases/${id}` })).json().status as string;
  const audits = async () => (await server.store.audit.events(0, 1_000_000)).length;

  beforeAll(async () => {
    server = await startTestServer(backend, {}, demo);
    await runAllocation(server.store, seeder, { timeLimitMs: 3000, seed: 1 }, silentControl);
    placed = (await server.store.plans.current('allocation'))!.assignments
      .filter((a) => a.destinationId !== null)
      .map((a) => ({ id: a.householdId, destination: a.destinationId! }));
    // Departed, as boarding would leave them: the workflow from here on is what is tested.
    for (const c of placed.slice(0, 4)) await departed(c.id);
  }, 180_000);
  afterAll(async () => server.close());

  it('confirms an arrival, sets the follow-ups, and refuses bad input and other roles', async () => {
    const id = placed[0]!.id;
    const confirm = (role: Parameters<TestServer['as']>[0], payload: object, c = id) =>
      server.as(role, { method: 'POST', url: `/api/cases/${c}/arrival`, payload });
    const before = await audits();
    for (const role of ['auditor', 'registrar', 'planner'] as const)
      expect((await confirm(role, { partner: 'Reception office' })).statusCode).toBe(403);
    const future = await confirm('movement-officer', {
      partner: 'Reception office',
      arrivedOn: '2999-01-01',
    });
    expect([future.statusCode, future.json().message]).toEqual([
      400,
      'invalid input for arrival.confirm at arrivedOn: is in the future',
    ]);
    const nobody = await confirm('movement-officer', { partner: ' ' });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().message).toMatch(/at partner: partner is required/);
    const registered = demo.households.find(
      (h) => h.status === 'registered' && !placed.slice(0, 4).some((c) => c.id === h.id),
    )!.id;
    const early = await confirm('movement-officer', { partner: 'Reception office' }, registered);
    expect([early.statusCode, early.json().message]).toEqual([
      409,
      `case ${registered}: is registered; only a departed case can be confirmed as arrived`,
    ]);
    expect(await audits()).toBe(before);
    expect(await status(id)).toBe('departed');

    const ok = await confirm('movement-officer', {
      partner: 'Reception office',
      arrivedOn: '2026-01-31',
    });
    expect(ok.statusCode).toBe(201);
    const body = ok.json();
    expect(body).toMatchObject({
      case: id,
      partner: 'Reception office',
      via: 'user',
      arrivedOn: '2026-01-31',
      confirmedBy: 'api:movement-officer',
      status: 'arrived',
    });
    // Calendar months, clamped to the month's end.
    expect(body.followUps.map((f: { month: number; dueOn: string }) => [f.month, f.dueOn])).toEqual(
      [
        [1, '2026-02-28'],
        [3, '2026-04-30'],
        [12, '2027-01-31'],
      ],
    );
    expect(followUpSchedule('2026-01-31').map((f) => f.dueOn)).toEqual([
      '2026-02-28',
      '2026-04-30',
      '2027-01-31',
    ]);
    expect(await status(id)).toBe('arrived');
    const history = (await server.as('auditor', { url: `/api/cases/${id}` })).json().history;
    expect(history.at(-1)).toMatchObject({ from: 'departed', to: 'arrived' });

    // Follow-ups: the due ones are listed; recording one takes the right role and a known month.
    const due = (
      await server.as('auditor', { url: `/api/follow-ups?due=true&caseId=${id}` })
    ).json();
    expect(due.map((f: { month: number }) => f.month)).toEqual(
      [1, 3, 12].filter((m, i) => ['2026-02-28', '2026-04-30', '2027-01-31'][i]! <= today()),
    );
    const record = (role: Parameters<TestServer['as']>[0], payload: object) =>
      server.as(role, { method: 'POST', url: `/api/cases/${id}/follow-ups`, payload });
    expect((await record('movement-officer', { month: 1, outcome: 'settled' })).statusCode).toBe(
      403,
    );
    const month = await record('registrar', { month: 2, outcome: 'settled' });
    expect([month.statusCode, month.json().message]).toEqual([
      400,
      'invalid body at month: month must be one of: 1, 3, 12',
    ]);
    const outcome = await record('registrar', { month: 1, outcome: 'fine' });
    expect(outcome.json().message).toBe(
      'invalid body at outcome: outcome must be one of: settled, needs-support, moved-on, not-reached',
    );
    const preArrival = await record('registrar', {
      month: 1,
      outcome: 'settled',
      doneOn: '2026-01-30',
    });
    expect([preArrival.statusCode, preArrival.json().message]).toEqual([
      400,
      'invalid input for arrival.followUp at doneOn: is before the arrival on 2026-01-31',
    ]);
    const made = await record('registrar', {
      month: 1,
      outcome: 'needs-support',
      doneOn: '2026-03-02',
    });
    expect([made.statusCode, made.json()]).toEqual([
      200,
      {
        case: id,
        month: 1,
        dueOn: '2026-02-28',
        doneOn: '2026-03-02',
        outcome: 'needs-support',
        recordedBy: 'api:registrar',
        overdue: false,
      },
    ]);
    // A case without a confirmed arrival has no follow-ups to record.
    const none = await server.as('registrar', {
      method: 'POST',
      url: `/api/cases/${placed[3]!.id}/follow-ups`,
      payload: { month: 1, outcome: 'settled' },
    });
    expect(none.statusCode).toBe(409);
  });

  it('takes a confirmation link once, for its case, until it expires; the token is not kept', async () => {
    const id = placed[1]!.id;
    const issue = (c: string, payload: object = { partner: 'Partner agency B' }) =>
      server.as('movement-officer', {
        method: 'POST',
        url: `/api/cases/${c}/arrival-link`,
        payload,
      });
    expect(
      (
        await server.as('registrar', {
          method: 'POST',
          url: `/api/cases/${id}/arrival-link`,
          payload: { partner: 'x y' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await issue(id, { partner: 'Partner agency B', days: 400 })).json().message).toBe(
      'invalid body at days: days must be a whole number from 1 to 90',
    );
    const link = (await issue(id)).json();
    expect(link.path).toBe(`/api/arrival-links/${link.token}`);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const use = (path: string, payload: object = { arrivedOn: '2026-11-30' }) =>
      server.as(null, { method: 'POST', url: path, payload });

    const wrong = await use(`/api/arrival-links/${'A'.repeat(43)}`);
    expect(wrong.statusCode).toBe(404);
    const first = await use(link.path);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      case: id,
      partner: 'Partner agency B',
      via: 'link',
      arrivedOn: '2026-11-30',
      confirmedBy: `link:${link.id}`,
      status: 'arrived',
    });
    expect(await status(id)).toBe('arrived');
    const again = await use(link.path);
    // Used, unknown and expired answer alike.
    expect([again.statusCode, again.json().message]).toEqual([
      wrong.statusCode,
      wrong.json().message,
    ]);

    // Expired: refused, and nothing is written.
    const other = placed[2]!.id;
    const late = (await issue(other)).json();
    await server.store.db
      .updateTable('arrival_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', late.id)
      .execute();
    const before = await audits();
    expect((await use(late.path)).statusCode).toBe(404);
    expect(await status(other)).toBe('departed');
    expect(await audits()).toBe(before);

    // A confirmation refused by the workflow leaves the link unused: it works once the case departs.
    const held = (await issue(other)).json();
    await server.store.db
      .updateTable('households')
      .set({ status: 'scheduled' })
      .where('id', '=', other)
      .execute();
    const refused = await use(held.path);
    expect(refused.statusCode).toBe(409);
    await departed(other);
    expect((await use(held.path)).statusCode).toBe(201);

    // A link goes with its issuer's account: disabled, the link answers as an unknown one.
    const orphan = (await issue(placed[3]!.id)).json();
    const issuer = (await server.store.users.list()).find(
      (u) => u.username === 'movement-officer',
    )!;
    await server.store.db
      .updateTable('users')
      .set({ disabled: true })
      .where('username', '=', issuer.username)
      .execute();
    try {
      expect((await use(orphan.path)).statusCode).toBe(404);
      expect(await status(placed[3]!.id)).toBe('departed');
    } finally {
      await server.store.db
        .updateTable('users')
        .set({ disabled: false })
        .where('username', '=', issuer.username)
        .execute();
    }
    expect((await use(orphan.path)).statusCode).toBe(201);
    await departed(placed[3]!.id);

    // The database holds the token's SHA-256, never the token: in no table, audit log included.
    const tokens = [link.token, late.token, held.token] as string[];
    const hash = createHash('sha256').update(link.token).digest('hex');
    const stored = await server.store.db
      .selectFrom('arrival_links')
      .select('token_hash')
      .where('id', '=', link.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hash);
    const tables = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(server.store.db);
    let text = '';
    for (const t of tables.rows)
      text += (
        await sql<{ row: string }>`select t::text as row from ${sql.table(t.name)} t`.execute(
          server.store.db,
        )
      ).rows
        .map((r) => r.row)
        .join('\n');
    expect(text).toContain(hash);
    for (const token of tokens) expect(text).not.toContain(token);
    // Nor does the request log: it names the route's pattern, not the path that was called.
    const logs = server.logs.join('\n');
    expect(logs).toContain('/api/arrival-links/:token');
    for (const token of tokens) expect(logs).not.toContain(token);
  });

  it('hands the case file over only with referral consent, redacted, and logs it', async () => {
    const { id } = placed[0]!; // arrived in the first test
    const handover = (role: Parameters<TestServer['as']>[0], c = id) =>
      server.as(role, { url: `/api/cases/${c}/handover` });
    for (const role of ['auditor', 'registrar', 'movement-officer', 'planner'] as const)
      expect((await handover(role)).statusCode).toBe(403);
    const notArrived = await handover('protection-officer', placed[3]!.id);
    expect([notArrived.statusCode, notArrived.json().message]).toEqual([
      409,
      `case ${placed[3]!.id}: is departed; a case file is handed over once the case arrived`,
    ]);

    const view = await server.store.registry.household(id);
    const destination = (await server.store.registry.destinations()).find(
      (d) => d.id === placed[0]!.destination,
    )!;
    const member = view!.members[0]!.id;
    const consent = (decision: string) =>
      server.as('protection-officer', {
        method: 'POST',
        url: `/api/cases/${id}/consent`,
        payload: {
          purpose: 'referral',
          state: destination.country,
          decision,
          date: '2026-11-01',
          personIds: [member],
        },
      });
    expect((await consent('withdrawn')).statusCode).toBe(201);
    const disclosures = async () =>
      (
        await server.as('protection-officer', {
          url: `/api/disclosures?caseId=${id}&kind=handover`,
        })
      ).json().disclosures as { recipient: string; persons: number }[];
    const refused = await handover('protection-officer');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toContain(`${member} (${id})`);
    expect(await disclosures()).toEqual([]);

    expect((await consent('given')).statusCode).toBe(201);
    const ok = await handover('protection-officer');
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    const file = ok.json();
    expect(file).toMatchObject({
      kind: 'corridor-case-handover',
      case: id,
      to: { state: destination.country, destination: destination.id },
      arrival: [{ arrivedOn: '2026-01-31', confirmedBy: 'Reception office', via: 'user' }],
    });
    const living = view!.members.filter((m) => m.pii !== null);
    expect(file.members).toHaveLength(living.length);
    expect(file.members[0].givenName).toBe(living[0]!.pii!.givenName);
    expect(file.followUps[0]).toEqual({
      month: 1,
      dueOn: '2026-02-28',
      doneOn: '2026-03-02',
      outcome: 'needs-support',
    });
    // Redacted: no document number, MRZ, phone or protection note of any member.
    const secrets = demo.persons
      .filter((p) => p.householdId === id)
      .flatMap((p) => [p.pii.phone, p.pii.protectionNote])
      .concat(
        demo.documents
          .filter((d) => living.some((m) => m.id === d.personId))
          .flatMap((d) => [d.number, ...(d.mrz ?? [])]),
      )
      .filter((s): s is string => typeof s === 'string' && s.length > 3);
    expect(secrets.length).toBeGreaterThan(0);
    for (const s of secrets) expect(ok.body).not.toContain(s);
    const logged = await disclosures();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ persons: living.length });
    expect(logged[0]!.recipient).toContain(`state ${destination.country}`);
  });
});

/** Every file under `dir`, as bytes (PGlite's data folder). */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)));
}

describe('a confirmation link on disk (PGlite)', () => {
  it('leaves the token in none of the data folder’s files', async () => {
    const server = await startTestServer(backends[0]!, {}, generateDemo({ people: 30, seed: 4 }));
    const id = (await server.store.registry.findCases({ limit: 1, offset: 0 })).cases[0]!.id;
    await server.store.db
      .updateTable('households')
      .set({ status: 'departed' })
      .where('id', '=', id)
      .execute();
    const link = (
      await server.as('movement-officer', {
        method: 'POST',
        url: `/api/cases/${id}/arrival-link`,
        payload: { partner: 'Partner agency C' },
      })
    ).json();
    const hash = Buffer.from(createHash('sha256').update(link.token).digest('hex'));
    await server.app.close();
    await server.store.close();
    const raw = filesUnder(join(server.dataDir, 'pgdata'));
    await server.close();
    // The hash is found (so the search reads the right files), the token is not.
    expect(raw.some((b) => b.includes(hash))).toBe(true);
    expect(raw.some((b) => b.includes(Buffer.from(link.token)))).toBe(false);
  });
});
