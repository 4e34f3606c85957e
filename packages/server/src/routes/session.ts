/** Logging in and out, and who the session belongs to. */
import {
  errors,
  hiddenFields,
  permissions,
  permissionsOf,
  personFields,
  roles,
  type Permission,
} from '@corridor/core';
import { z } from 'zod';
import { NewPasswordSchema } from '../auth/credentials.js';
import { login } from '../auth/login.js';
import { checkPassword, hashPassword } from '../auth/passwords.js';
import { sessionCookieFor } from '../auth/session-cookie.js';
import { tokenHash, tokenOf } from '../auth/tokens.js';
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
    'per username and address; repeated failures lock that username *from that address* for a ' +
    'while (429 login-locked), an address that fails too often for any username, and after many ' +
    'failures from anywhere the username logs in only from addresses it used before.',
  body: LoginBody,
  response: z.object({ token: z.string() }),
  handler: async ({ body, store, options, request, reply, now }) => {
    const { token } = await login(store, options, { ...body, ip: request.ip }, now);
    const cookie = sessionCookieFor(request, options);
    reply.setCookie(cookie.name, token, cookie.flags);
    return { token };
  },
});

/** `POST /api/logout`: ends the session of the token or cookie sent. */
export const logoutRoute = defineRoute('POST /api/logout', {
  tag: 'session',
  summary: 'Log out: the session ends at once',
  response: z.object({ ok: z.literal(true) }),
  handler: async ({ store, request, reply, actor, options }) => {
    const token = tokenOf(request.headers, request.cookies);
    if (token) await store.sessions.end(tokenHash(token), actor);
    const cookie = sessionCookieFor(request, options);
    reply.clearCookie(cookie.name, cookie.flags);
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

/** `POST /api/me/password`: the logged-in user changes their own password. */
export const changePasswordRoute = defineRoute('POST /api/me/password', {
  tag: 'session',
  summary: 'Change your password; your other sessions end',
  description:
    'The current password must be right (400 naming `current` otherwise). The new one needs 12 ' +
    'characters and must not be on the list of common and breached passwords. This session stays.',
  body: z.object({
    current: z.string().min(1).max(1000),
    next: NewPasswordSchema,
  }),
  response: z.object({ ok: z.literal(true), sessionsEnded: z.number().int() }),
  handler: async ({ body, store, user, actor, request }) => {
    const account = await store.users.credentials(user.username);
    if (!(await checkPassword(account?.passwordHash, body.current)))
      throw errors.invalidInput('current: the current password is wrong');
    if (body.next === body.current)
      throw errors.invalidInput('next: the new password is the same as the current one');
    const token = tokenOf(request.headers, request.cookies);
    const { sessionsEnded } = await store.users.setPassword(
      user.username,
      await hashPassword(body.next),
      actor,
      { self: true, ...(token ? { keepSession: tokenHash(token) } : {}) },
    );
    return { ok: true as const, sessionsEnded };
  },
});
