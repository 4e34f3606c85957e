/**
 * The session cookie's name and flags. Behind HTTPS (the request came over TLS, or a trusted proxy
 * says `X-Forwarded-Proto: https`, or the server was told `secureCookie: true`) it is
 * `__Host-corridor_session`: Secure, Path=/ and no Domain, so no other host or plain-HTTP page
 * can set or read it. Over plain HTTP (local use) it keeps the name `corridor_session`. Always
 * HttpOnly and SameSite=Strict; logout clears it with the same flags.
 */
import type { FastifyRequest } from 'fastify';
import type { ServerOptions } from '../options.js';
import { sessionCookie } from './tokens.js';

/** The cookie's name over HTTPS. */
export const secureSessionCookie = `__Host-${sessionCookie}`;

/** Whether the request reached us over HTTPS as far as the server may believe. */
export function overHttps(
  request: FastifyRequest,
  options: Required<Pick<ServerOptions, 'secureCookie'>>,
): boolean {
  if (options.secureCookie === true) return true;
  if (options.secureCookie === false) return false;
  return request.protocol === 'https';
}

/** The session cookie's name and flags for this request. */
export function sessionCookieFor(
  request: FastifyRequest,
  options: Required<Pick<ServerOptions, 'secureCookie'>>,
): {
  name: string;
  flags: { httpOnly: true; sameSite: 'strict'; path: '/'; secure: boolean };
} {
  const secure = overHttps(request, options);
  return {
    name: secure ? secureSessionCookie : sessionCookie,
    flags: { httpOnly: true, sameSite: 'strict', path: '/', secure },
  };
}
