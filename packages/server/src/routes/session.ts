/** Logging in and out, and who the session belongs to. */
import {
  hiddenFields,
  permissions,
  permissionsOf,
  personFields,
  roles,
  type Permission,
} from '@corridor/core';
import { z } from 'zod';
import { login } from '../auth/login.js';
import { sessionCookie, tokenHash, tokenOf } from '../auth/tokens.js';
import { defineRoute } from '../route.js';

const LoginBody = z.object({
  username: z.string().min(1).max(200),
  password: z.string().min(1).max(1000),
});

/** `POST /api/login`: returns a token and sets the HttpOnly, SameSite=Strict session cookie. */
export const loginRoute = defineRoute('POST /api/login', {
  tag: 'session',
  summary: 'Log in; returns a session token and sets the session cookie',
  description:
    'Wrong password and unknown user get the same 401. Attempts are limited per IP address and ' +
    'per username; repeated failures lock the username for a while (429 login-locked).',
  body: LoginBody,
  response: z.object({ token: z.string() }),
  handler: async ({ body, store, options, request, reply, now }) => {
    const { token } = await login(store, options, { ...body, ip: request.ip }, now);
    reply.setCookie(sessionCookie, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: options.secureCookie,
    });
    return { token };
  },
});

/** `POST /api/logout`: ends the session of the token or cookie sent. */
export const logoutRoute = defineRoute('POST /api/logout', {
  tag: 'session',
  summary: 'Log out: the session ends at once',
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ store, request, reply, actor }) => {
    const token = tokenOf(request.headers, request.cookies);
    if (token) await store.sessions.end(tokenHash(token), actor);
    reply.clearCookie(sessionCookie, { path: '/' });
    return { ok: true as const };
  },
});

/** `GET /api/me`: the logged-in user, their role and the personal-data fields hidden from it. */
export const meRoute = defineRoute('GET /api/me', {
  tag: 'session',
  summary: 'The logged-in user, what their role hides and what it may do',
  response: z.object({
    username: z.string(),
    role: z.enum(roles),
    hiddenFields: z.array(z.enum(personFields)),
    permissions: z
      .array(z.enum(Object.keys(permissions) as [Permission, ...Permission[]]))
      .describe('the actions (`resource.action`) the role may take, before any record check'),
  }),
  handler: async ({ user }) => ({
    username: user.username,
    role: user.role,
    hiddenFields: hiddenFields(user.role),
    permissions: permissionsOf(user.role),
  }),
});
