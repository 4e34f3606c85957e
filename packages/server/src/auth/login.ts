/** The login use case: limits, lockout, a constant-time-ish password check, a session, an audit entry. */
import { errors } from '@corridor/core';
import type { SessionUser, Store } from '@corridor/storage';
import type { ServerOptions } from '../options.js';
import { checkPassword } from './passwords.js';
import { enforceLimit, secondsUntil } from './rate-limit.js';
import { newToken, tokenHash } from './tokens.js';

/** A login attempt: the typed name and password, and where it came from. */
export interface LoginAttempt {
  username: string;
  password: string;
  ip: string;
}

/**
 * Checks a login and starts a session; returns the token (shown once, stored only as a hash).
 * Wrong password, unknown name and disabled account all fail with the same message after the
 * same argon2 work. Counters live in the database, so limits hold across server processes.
 */
export async function login(
  store: Store,
  options: Required<ServerOptions>,
  attempt: LoginAttempt,
  now: Date,
): Promise<{ token: string; user: SessionUser }> {
  const { sessions } = store;
  const name = attempt.username.trim().toLowerCase();
  const minute = 60_000;
  await enforceLimit(
    sessions,
    { kind: 'login-ip', subject: attempt.ip, max: options.loginPerIpPerMinute, windowMs: minute },
    now,
  );
  await enforceLimit(
    sessions,
    { kind: 'login-user', subject: name, max: options.loginPerUserPerMinute, windowMs: minute },
    now,
  );
  const failures = await sessions.hits('login-fail', name, options.lockoutMs, now);
  if (failures.count >= options.maxFailedLogins) {
    await sessions.recordFailedLogin(name, 'locked');
    throw errors.loginLocked(secondsUntil(failures.resetAt, now));
  }
  const account = await store.users.credentials(name);
  const matches = await checkPassword(account?.passwordHash, attempt.password);
  if (!account || account.disabled || !matches) {
    await sessions.hit('login-fail', name, options.lockoutMs, now);
    const reason = !account ? 'unknown-user' : account.disabled ? 'disabled' : 'wrong-password';
    await sessions.recordFailedLogin(name, reason);
    throw errors.invalidCredentials();
  }
  await sessions.clearHits('login-fail', name);
  const token = newToken();
  const user = await sessions.start(tokenHash(token), account.id, now);
  return { token, user };
}
