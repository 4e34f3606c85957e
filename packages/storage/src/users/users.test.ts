import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store.js';
import { backends, testEnv } from '../test-support/backends.js';

const admin = { name: 'test-admin', role: 'admin' };
const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const t0 = new Date('2031-01-01T08:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe.each(backends)('users and sessions on $name', (backend) => {
  let store: Store;
  let close: () => Promise<void>;
  let databaseUrl: string | undefined;
  let dataDir: string;

  beforeEach(async () => ({ store, close, databaseUrl, dataDir } = await backend.fresh()));
  afterEach(async () => close());

  it('adds, lists and disables users, auditing each change', async () => {
    const alice = await store.users.add(
      { username: 'alice', role: 'planner', passwordHash: hash },
      admin,
    );
    expect(alice).toMatchObject({ username: 'alice', role: 'planner', disabled: false });
    await expect(
      store.users.add({ username: 'alice', role: 'auditor', passwordHash: hash }, admin),
    ).rejects.toMatchObject({ id: 'user-exists', status: 409 });
    expect((await store.users.credentials('alice'))?.passwordHash).toBe(hash);
    expect(JSON.stringify(await store.users.list())).not.toContain('argon2');
    expect((await store.users.disable('alice', admin)).disabled).toBe(true);
    await expect(store.users.disable('nobody', admin)).rejects.toMatchObject({ id: 'not-found' });
    const actions = (await store.audit.events()).map((e) => e.action);
    expect(actions).toEqual(['user.add', 'user.disable']);
  });

  it('keeps sessions alive while used and ends them when idle, on logout or on disable', async () => {
    const u = await store.users.add(
      { username: 'mo', role: 'movement-officer', passwordHash: hash },
      admin,
    );
    const hour = 3_600_000;
    await store.sessions.start('h1', u.id, t0);
    expect(await store.sessions.resume('h1', 12 * hour, later(11 * hour))).toMatchObject({
      status: 'live',
      user: { username: 'mo', role: 'movement-officer' },
    });
    // Used at 11 h, so idle only 2 h at 13 h.
    expect((await store.sessions.resume('h1', 12 * hour, later(13 * hour))).status).toBe('live');
    expect((await store.sessions.resume('h1', 12 * hour, later(26 * hour))).status).toBe('expired');
    expect((await store.sessions.resume('h1', 12 * hour, later(26 * hour))).status).toBe('unknown');

    await store.sessions.start('h2', u.id, t0);
    expect(await store.sessions.end('h2', { name: 'api:mo', role: 'movement-officer' })).toBe(true);
    expect(await store.sessions.end('h2', { name: 'api:mo', role: 'movement-officer' })).toBe(
      false,
    );
    expect((await store.sessions.resume('h2', hour, t0)).status).toBe('unknown');

    await store.sessions.start('h3', u.id, t0);
    await store.users.disable('mo', admin);
    expect((await store.sessions.resume('h3', hour, t0)).status).toBe('unknown');
    const actions = (await store.audit.events()).map((e) => e.action);
    expect(actions).toEqual([
      'user.add',
      'auth.login',
      'auth.login',
      'auth.logout',
      'auth.login',
      'user.disable',
    ]);
    expect((await store.audit.verify()).ok).toBe(true);
  });

  it('never records a name that is no account in the failed-login audit', async () => {
    await store.users.add({ username: 'reg', role: 'registrar', passwordHash: hash }, admin);
    await store.sessions.recordFailedLogin('reg', 'wrong-password');
    await store.sessions.recordFailedLogin('Amira Haddad', 'unknown-user');
    const events = (await store.audit.events()).slice(1);
    expect(events.map((e) => [e.entityId, e.detail.reason])).toEqual([
      ['reg', 'wrong-password'],
      ['(unknown)', 'unknown-user'],
    ]);
    expect(JSON.stringify(await store.audit.events())).not.toContain('Amira');
  });

  it('counts hits in fixed windows and stores only hashes of the subjects', async () => {
    const minute = 60_000;
    expect((await store.sessions.hit('login-ip', '10.0.0.7', minute, t0)).count).toBe(1);
    expect((await store.sessions.hit('login-ip', '10.0.0.7', minute, later(10_000))).count).toBe(2);
    expect((await store.sessions.hit('login-ip', '10.0.0.8', minute, later(10_000))).count).toBe(1);
    const peek = await store.sessions.hits('login-ip', '10.0.0.7', minute, later(20_000));
    expect(peek).toEqual({ count: 2, resetAt: later(minute) });
    const next = await store.sessions.hit('login-ip', '10.0.0.7', minute, later(minute + 1));
    expect(next).toEqual({ count: 1, resetAt: later(2 * minute + 1) });
    await store.sessions.clearHits('login-ip', '10.0.0.7');
    expect((await store.sessions.hits('login-ip', '10.0.0.7', minute, t0)).count).toBe(0);
    const keys = await sql<{ key: string }>`select key from rate_counters`.execute(store.db);
    expect(keys.rows.map((r) => r.key).join()).not.toContain('10.0.0');
    expect(await store.sessions.prune(minute, minute, later(10 * minute))).toBe(1);
  });

  it('shares counters between processes on one PostgreSQL database', async () => {
    if (!databaseUrl) return;
    const other = await openStore({ dataDir, databaseUrl, create: false }, testEnv);
    try {
      const hits = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? store : other).sessions.hit('login-user', 'alice', 60_000, t0),
        ),
      );
      expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
    } finally {
      await other.close();
    }
  });
});
