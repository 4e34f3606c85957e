/** The web application's files from a folder (packages/web/dist), or a placeholder page at `/`. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { errors } from '@corridor/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const placeholder = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor</title></head>
<body><h1>Corridor</h1><p>The API is running. Its documentation is at <a href="/docs">/docs</a>,
the OpenAPI document at <a href="/openapi.json">/openapi.json</a>.</p></body></html>
`;

async function fileIn(root: string, urlPath: string): Promise<string | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const path = resolve(root, `.${relative}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) return fileIn(root, `${relative.replace(/\/$/, '')}/index.html`);
  return undefined;
}

async function sendFile(reply: FastifyReply, path: string): Promise<FastifyReply> {
  const type = types[extname(path)] ?? 'application/octet-stream';
  return reply.type(type).send(await readFile(path));
}

/**
 * Serves `GET /` and, with a web root, its files under `GET /*`; paths without a file extension
 * fall back to index.html (client-side routing). Unknown `/api/…` paths stay JSON 404s.
 */
export function registerStatic(app: FastifyInstance, webRoot: string | null): void {
  if (!webRoot) {
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(placeholder));
    return;
  }
  const root = resolve(webRoot);
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) throw errors.routeNotFound(request.method, path);
    const file = await fileIn(root, path);
    if (file) return sendFile(reply, file);
    if (extname(path) === '') {
      const index = join(root, 'index.html');
      if (await stat(index).catch(() => undefined)) return sendFile(reply, index);
    }
    throw errors.routeNotFound(request.method, path);
  };
  app.get('/', serve);
  app.get('/*', serve);
}
