/**
 * The CLI against a running server: `corridor login --server URL` keeps a session token, and a
 * bound command run with `--server URL` (or $CORRIDOR_SERVER) sends the same input to the command's
 * route instead of opening a data folder. The server's answer is printed as the local run would be.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { AnyCommand } from '@corridor/commands';
import { CorridorError, errors } from '@corridor/core';
import { cliLocale } from './cli-locale.js';

/** Where session tokens are kept: $CORRIDOR_CONFIG_DIR, else ~/.config/corridor (mode 0600). */
export function sessionsFile(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.CORRIDOR_CONFIG_DIR || join(homedir(), '.config', 'corridor');
  return join(dir, 'sessions.json');
}

type Sessions = Record<string, { username: string; token: string }>;

function readSessions(): Sessions {
  const file = sessionsFile();
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Sessions) : {};
}

function writeSessions(sessions: Sessions): void {
  const file = sessionsFile();
  mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(sessions, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The server's base URL without a trailing slash; refuses what is not http(s). */
export function serverBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw errors.invalidInput(`--server "${url}" is not a URL such as http://127.0.0.1:8080`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw errors.invalidInput(`--server must be an http or https URL, not ${parsed.protocol}`);
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

async function send(
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(base + path, {
      method,
      headers: {
        // Error messages come back in the language of this run (ids stay as they are).
        'accept-language': cliLocale(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw errors.databaseUnreachable(base, (error as Error).message);
  }
  const text = await response.text();
  const json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  if (!response.ok) {
    const e = (json ?? {}) as { error?: string; message?: string; details?: unknown };
    throw new CorridorError(
      e.error ?? 'remote-error',
      response.status,
      e.message ?? `the server answered ${response.status}`,
      e.details,
    );
  }
  return json;
}

/** Logs in at `server` and keeps the session token for later commands. */
export async function remoteLogin(server: string, username: string, password: string) {
  const base = serverBase(server);
  const { token } = (await send(base, 'POST', '/api/login', null, { username, password })) as {
    token: string;
  };
  writeSessions({ ...readSessions(), [base]: { username, token } });
  return { server: base, username };
}

/** Ends the kept session at `server` (on the server too, when it still answers). */
export async function remoteLogout(server: string) {
  const base = serverBase(server);
  const sessions = readSessions();
  const session = sessions[base];
  if (session) {
    await send(base, 'POST', '/api/logout', session.token).catch(() => undefined);
    delete sessions[base];
    writeSessions(sessions);
  }
  return { server: base, loggedOut: Boolean(session) };
}

/** How a command is reached over HTTP: its route key and which input fields fill the path. */
export interface RemoteRoute {
  key: string;
  params?: Record<string, string>;
}

/** Runs `command` with `input` on the server through its route, as the logged-in user. */
export async function remoteExecute(
  server: string,
  route: RemoteRoute,
  input: Record<string, unknown>,
): Promise<unknown> {
  const base = serverBase(server);
  const session = readSessions()[base];
  if (!session) throw errors.notLoggedIn(base);
  const [method, pattern] = route.key.split(' ') as [string, string];
  const rest = { ...input };
  let path = pattern;
  for (const [param, field] of Object.entries(route.params ?? {})) {
    path = path.replace(`:${param}`, encodeURIComponent(String(rest[field])));
    delete rest[field];
  }
  if (method === 'GET') {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(rest))
      if (v !== undefined && v !== null) query.set(k, String(v));
    const qs = query.toString();
    return send(base, method, qs ? `${path}?${qs}` : path, session.token);
  }
  return send(base, method, path, session.token, rest);
}

/** The route a command is bound to, from the server's route table (loaded only when needed). */
export async function routeOf(command: AnyCommand): Promise<RemoteRoute> {
  const { apiRoutes } = await import('@corridor/server');
  const route = apiRoutes.find((r) => 'command' in r && r.command === command) as
    { key: string; binding: { params?: Record<string, string> } } | undefined;
  if (!route) throw errors.invalidInput(`${command.name} cannot be run on a server yet`);
  return { key: route.key, params: route.binding.params };
}
