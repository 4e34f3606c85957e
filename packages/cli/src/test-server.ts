/**
 * Test support: one test server on PostgreSQL whose database the in-process CLI opens too, so a
 * test file can run the same command through both interfaces and compare (test files only).
 */
import type { OperationData, Role } from '@corridor/core';
import type { ServerOptions } from '@corridor/server';
import { startTestServer, type TestServer } from '@corridor/server/test-support';
import { postgresBackend, testEnv } from '@corridor/storage/test-support';
import { afterAll, beforeAll } from 'vitest';
import { corridorInProcess } from './in-process.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The server of the calling `describe`, the CLI on its database, and its API as a role. */
export interface SharedServer {
  readonly server: TestServer;
  /** `corridor ARGS --data <the server's folder>`, in this process. */
  cli(...args: string[]): ReturnType<typeof corridorInProcess>;
  /** A request to the API as `role` (a JSON body when given). */
  api(role: Role, method: Method, url: string, payload?: object): ReturnType<TestServer['as']>;
}

/** Registers the hooks that start the server with `data` before the file's tests and stop it after. */
export function sharedServer(data: OperationData, options: ServerOptions = {}): SharedServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(postgresBackend, options, data);
    process.env.DATABASE_URL = server.databaseUrl;
    process.env.CORRIDOR_MASTER_KEY = testEnv.CORRIDOR_MASTER_KEY;
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the shared server has not started');
      return server;
    },
    cli: (...args) => corridorInProcess([...args, '--data', server!.dataDir]),
    api: (role, method, url, payload) =>
      server!.as(role, { method, url, ...(payload ? { payload } : {}) }),
  };
}
