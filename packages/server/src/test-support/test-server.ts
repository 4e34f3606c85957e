/** Test helper: a real app over a fresh store on one backend, with one logged-in user per role. */
import { roles, type OperationData, type Role } from '@corridor/core';
import type { Store } from '@corridor/storage';
import type { Backend } from '@corridor/storage/test-support';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { hashPassword } from '../auth/passwords.js';
import type { ServerOptions } from '../options.js';

/** The password every test user has. */
export const testPassword = 'correct horse battery staple';
/** The actor that seeds test data. */
export const seeder = { name: 'test-seed', role: 'admin' };

/** Limits high enough that only tests about limits meet them. */
export const noLimits: ServerOptions = {
  requestsPerMinutePerIp: 1e9,
  requestsPerMinutePerToken: 1e9,
  loginPerIpPerMinute: 1e9,
  loginPerUserPerMinute: 1e9,
};

/** A running test app and what a test needs around it. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  /** The PostgreSQL database's URL (PostgreSQL backend only), for a second server on it. */
  databaseUrl?: string;
  /** The data folder (PGlite) or the folder that holds the master key (PostgreSQL). */
  dataDir: string;
  /** A session token per role (the user of each role is named after it). */
  tokens: Record<Role, string>;
  /** Every log line the app wrote. */
  logs: string[];
  /** Sends a request as `role` (or anonymously with null). */
  as(role: Role | null, request: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let hashed: Promise<string> | undefined;

/** Opens a fresh store, optionally loads an operation, adds a user per role and logs each in. */
export async function startTestServer(
  backend: Backend,
  options: ServerOptions = {},
  data?: OperationData,
): Promise<TestServer> {
  const fresh = await backend.fresh();
  const { store } = fresh;
  if (data) await store.registry.createOperation(data, seeder);
  hashed ??= hashPassword(testPassword);
  for (const role of roles)
    await store.users.add({ username: role, role, passwordHash: await hashed }, seeder);
  const logs: string[] = [];
  const app = await buildApp(store, { ...noLimits, log: (l) => logs.push(l), ...options });
  const tokens = {} as Record<Role, string>;
  for (const [i, role] of roles.entries()) {
    const r = await app.inject({
      method: 'POST',
      url: '/api/login',
      remoteAddress: `192.0.2.${i + 1}`,
      payload: { username: role, password: testPassword },
    });
    tokens[role] = (r.json() as { token: string }).token;
  }
  return {
    app,
    store,
    ...(fresh.databaseUrl ? { databaseUrl: fresh.databaseUrl } : {}),
    dataDir: fresh.dataDir,
    tokens,
    logs,
    as: (role, request) =>
      app.inject({
        ...request,
        headers: {
          ...request.headers,
          ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}),
        },
      }),
    close: async () => {
      await app.close();
      await fresh.close();
    },
  };
}
