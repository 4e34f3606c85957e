/** The login use case: limits, lockout, a constant-time-ish password check, a session, an audit entry. */
import { errors } from '@corridor/core';
import type { SessionUser, Store } from '@corridor/storage';
import type { ServerOptions } from '../options.js';
import { checkPassword } from './passwords.js';
import { enforceLimit, secondsUntil } from './rate-limit.js';
import { newToken, tokenHash } from './tokens.js';

/** How long an address where a user logged in stays known for that user (90 days). */
const knownAddressMs = 90 * 24 * 60 * 60_000;

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
  // Failures count per username *and address*, so a stranger's guesses lock only the stranger;
  // per address over all usernames; and per username, where they stop new addresses only.
  const pair = `${name}|${attempt.ip}`;
  const minute = 60_000;
  await enforceLimit(
    sessions,
    { kind: 'login-ip', subject: attempt.ip, max: options.loginPerIpPerMinute, windowMs: minute },
    now,
  );
  await enforceLimit(
    sessions,
    { kind: 'login-user', subject: pair, max: options.loginPerUserPerMinute, windowMs: minute },
    now,
  );
  const window = options.lockoutMs;
  const locked = async (resetAt: Date) => {
    await sessions.recordFailedLogin(name, 'locked');
    return errors.loginLocked(secondsUntil(resetAt, now));
  };
  const byAddress = await sessions.hits('login-fail-ip', attempt.ip, window, now);
  if (byAddress.count >= options.maxFailedLoginsPerIp) throw await locked(byAddress.resetAt);
  const byPair = await sessions.hits('login-fail', pair, window, now);
  if (byPair.count >= options.maxFailedLogins) throw await locked(byPair.resetAt);
  const byAccount = await sessions.hits('login-fail-user', name, window, now);
  if (
    byAccount.count >= options.maxFailedLoginsPerAccount &&
    (await sessions.hits('login-known', pair, knownAddressMs, now)).count === 0
  )
    throw await locked(byAccount.resetAt);
  const account = await store.users.credentials(name);
  const matches = await checkPassword(account?.passwordHash, attempt.password);
  if (!account || account.disabled || !matches) {
    for (const [kind, subject] of [
      ['login-fail', pair],
      ['login-fail-ip', attempt.ip],
      ['login-fail-user', name],
    ] as const)
      await sessions.hit(kind, subject, window, now);
    const reason = !account ? 'unknown-user' : account.disabled ? 'disabled' : 'wrong-password';
    await sessions.recordFailedLogin(name, reason);
    throw errors.invalidCredentials();
  }
  await sessions.clearHits('login-fail', pair);
  await sessions.hit('login-known', pair, knownAddressMs, now);
  const token = newToken();
  const user = await sessions.start(tokenHash(token), account.id, now);
  return { token, user };
}
