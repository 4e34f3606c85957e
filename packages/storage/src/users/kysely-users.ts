/** User accounts on Kysely: PGlite and PostgreSQL alike; every change is audited in its transaction. */
import { errors, isRole, type Role } from '@corridor/core';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit-store.js';
import type { Database, UsersTable } from '../db/schema.js';
import type { NewUser, User, UserCredentials, UserStore } from './user-store.js';
import { transact } from '../db/transact.js';

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role as Role,
    disabled: row.disabled,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
  };
}

/** UserStore over a Kysely database. */
export class KyselyUsers implements UserStore {
  constructor(private readonly db: Kysely<Database>) {}

  async add(user: NewUser, actor: Actor): Promise<User> {
    if (!isRole(user.role)) throw errors.invalidInput(`unknown role "${String(user.role)}"`);
    return transact(this.db, async (trx) => {
      const row = await trx
        .insertInto('users')
        .values({
          username: user.username,
          role: user.role,
          password_hash: user.passwordHash,
          created_by: actor.name,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.userExists(user.username);
      await appendAudit(trx, actor, {
        action: 'user.add',
        entity: 'user',
        entityId: user.username,
        detail: { role: user.role },
      });
      return toUser(row);
    });
  }

  async list(): Promise<User[]> {
    const rows = await this.db.selectFrom('users').selectAll().orderBy('username').execute();
    return rows.map(toUser);
  }

  async credentials(username: string): Promise<UserCredentials | undefined> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async setPassword(
    username: string,
    passwordHash: string,
    actor: Actor,
    options: { self?: boolean; keepSession?: string } = {},
  ): Promise<{ sessionsEnded: number }> {
    const keepSession = options.keepSession;
    return transact(this.db, async (trx) => {
      const row = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash })
        .where('username', '=', username)
        .returning('id')
        .executeTakeFirst();
      if (!row) throw errors.notFound('user', username);
      let ended = trx.deleteFrom('sessions').where('user_id', '=', row.id);
      if (keepSession) ended = ended.where('token_hash', '!=', keepSession);
      const sessionsEnded = Number((await ended.execute())[0]?.numDeletedRows ?? 0);
      await appendAudit(trx, actor, {
        action: 'user.password',
        entity: 'user',
        entityId: username,
        detail: { sessionsEnded, self: Boolean(options.self) },
      });
      return { sessionsEnded };
    });
  }

  async disable(username: string, actor: Actor): Promise<User> {
    return transact(this.db, async (trx) => {
      const row = await trx
        .updateTable('users')
        .set({ disabled: true })
        .where('username', '=', username)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw errors.notFound('user', username);
      const ended = await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      await appendAudit(trx, actor, {
        action: 'user.disable',
        entity: 'user',
        entityId: username,
        detail: { sessionsEnded: Number(ended[0]?.numDeletedRows ?? 0) },
      });
      return toUser(row);
    });
  }
}
