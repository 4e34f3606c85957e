/** Sessions and request counters on Kysely; tokens and counter subjects are stored only as hashes. */
import type { Role } from '@corridor/core';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database } from '../db/schema.js';
import type { Vault } from '../vault/vault.js';
import { hitCounter, readCounter } from './rate-counters.js';
import type {
  Hits,
  LoginFailure,
  SessionLookup,
  SessionStore,
  SessionUser,
} from './session-store.js';
import { transact } from '../db/transact.js';

/** A session is marked as seen at most this often, so reads do not each write. */
const touchEveryMs = 30_000;

/** SessionStore over a Kysely database and the vault whose index key hashes counter subjects. */
export class KyselySessions implements SessionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly vault: Vault,
  ) {}

  private counterKey(kind: string, subject: string): string {
    return `${kind}:${this.vault.blindIndex(`rate:${kind}`, subject)}`;
  }

  start(tokenHash: string, userId: number, now: Date): Promise<SessionUser> {
    return transact(this.db, async (trx) => {
      const user = await trx
        .selectFrom('users')
        .select(['id', 'username', 'role'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, created_at: now, last_seen_at: now })
        .execute();
      const session = { userId, username: user.username, role: user.role as Role };
      await appendAudit(
        trx,
        { name: `api:${user.username}`, role: user.role },
        { action: 'auth.login', entity: 'user', entityId: user.username },
      );
      return session;
    });
  }

  async resume(tokenHash: string, idleMs: number, now: Date): Promise<SessionLookup> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.last_seen_at', 'u.id', 'u.username', 'u.role', 'u.disabled'])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row || row.disabled) return { status: 'unknown' };
    const idle = now.getTime() - new Date(row.last_seen_at).getTime();
    if (idle > idleMs) {
      await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
      return { status: 'expired' };
    }
    if (idle > touchEveryMs) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('token_hash', '=', tokenHash)
        .execute();
    }
    return {
      status: 'live',
      user: { userId: row.id, username: row.username, role: row.role as Role },
    };
  }

  end(tokenHash: string, actor: Actor): Promise<boolean> {
    return transact(this.db, async (trx) => {
      const gone = await trx
        .deleteFrom('sessions')
        .where('token_hash', '=', tokenHash)
        .returning('user_id')
        .executeTakeFirst();
      if (!gone) return false;
      const user = await trx
        .selectFrom('users')
        .select('username')
        .where('id', '=', gone.user_id)
        .executeTakeFirstOrThrow();
      await appendAudit(trx, actor, {
        action: 'auth.logout',
        entity: 'user',
        entityId: user.username,
      });
      return true;
    });
  }

  recordFailedLogin(username: string, reason: LoginFailure): Promise<void> {
    return transact(this.db, async (trx) => {
      const known = await trx
        .selectFrom('users')
        .select('username')
        .where('username', '=', username)
        .executeTakeFirst();
      // A name that is no account may be a mistyped password or a person's name: never stored.
      const entityId = known ? known.username : '(unknown)';
      await appendAudit(
        trx,
        { name: 'api:anonymous', role: 'none' },
        { action: 'auth.login-failed', entity: 'user', entityId, detail: { reason } },
      );
    });
  }

  hit(kind: string, subject: string, windowMs: number, now: Date): Promise<Hits> {
    return hitCounter(this.db, this.counterKey(kind, subject), windowMs, now);
  }

  hits(kind: string, subject: string, windowMs: number, now: Date): Promise<Hits> {
    return readCounter(this.db, this.counterKey(kind, subject), windowMs, now);
  }

  async clearHits(kind: string, subject: string): Promise<void> {
    await this.db
      .deleteFrom('rate_counters')
      .where('key', '=', this.counterKey(kind, subject))
      .execute();
  }

  async prune(idleMs: number, maxWindowMs: number, now: Date): Promise<number> {
    const sessions = await this.db
      .deleteFrom('sessions')
      .where('last_seen_at', '<', new Date(now.getTime() - idleMs))
      .executeTakeFirst();
    const counters = await this.db
      .deleteFrom('rate_counters')
      .where('window_start', '<', new Date(now.getTime() - maxWindowMs))
      .executeTakeFirst();
    return Number(sessions.numDeletedRows) + Number(counters.numDeletedRows);
  }
}
