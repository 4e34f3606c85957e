/** Session tokens: random, shown to the client once, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

/** The name of the session cookie. */
export const sessionCookie = 'corridor_session';

/** A new session token: 256 random bits, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The hash under which a token is stored; a stolen database holds no usable token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The token a request carries: `Authorization: Bearer …` first, else the session cookie (its
 * `__Host-` name over HTTPS, else the plain name).
 */
export function tokenOf(
  headers: { authorization?: string | undefined },
  cookies: Record<string, string | undefined>,
): string | undefined {
  const bearer = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(headers.authorization ?? '');
  if (bearer) return bearer[1];
  const cookie = cookies[`__Host-${sessionCookie}`] ?? cookies[sessionCookie];
  return cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : undefined;
}
