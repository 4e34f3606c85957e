/** The web application's files from a folder (packages/web/dist), or a placeholder page at `/`. */
import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { errors } from '@corridor/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const placeholder = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor</title></head>
<body><h1>Corridor</h1><p>The API is running. Its documentation is at <a href="/docs">/docs</a>,
the OpenAPI document at <a href="/openapi.json">/openapi.json</a>.</p></body></html>
`;

/** Vite names every file under assets/ after a hash of its content: it never changes. */
export const immutableCache = 'public, max-age=31536000, immutable';
/** Everything else (index.html, public/ files) is checked with the server on each use (ETag). */
export const revalidateCache = 'no-cache';

async function fileIn(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) return fileIn(root, `${decoded.replace(/\/$/, '')}/index.html`);
  return undefined;
}

/** The Cache-Control of a file of the web root, by its path inside it. */
function cacheControlFor(root: string, path: string): string {
  return relative(root, path).startsWith(`assets${sep}`) ? immutableCache : revalidateCache;
}

/**
 * Serves `GET /` and, with a web root, its files under `GET /*`; paths without a file extension
 * fall back to index.html (client-side routing). Unknown `/api/…` paths stay JSON 404s. A file
 * with a `.br` or `.gz` sibling (written by the web build) is sent compressed to a browser that
 * accepts it (@fastify/static's `preCompressed`), with ETag and Last-Modified for revalidation.
 */
export async function registerStatic(app: FastifyInstance, webRoot: string | null): Promise<void> {
  if (!webRoot) {
    app.get('/', (_request, reply) => reply.type('text/html; charset=utf-8').send(placeholder));
    return;
  }
  const root = resolve(webRoot);
  await app.register(async (scope) => serveFolder(scope, root));
}

/** The static routes in their own scope, so that their hooks touch no API route. */
async function serveFolder(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    serve: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => reply.header('cache-control', cacheControlFor(root, path)),
  });
  // JavaScript as RFC 9239 names it (the library's MIME table still says application/javascript).
  app.addHook('onSend', async (_request, reply) => {
    if (String(reply.getHeader('content-type')).startsWith('application/javascript'))
      reply.header('content-type', 'text/javascript; charset=utf-8');
  });
  const send = (reply: FastifyReply, file: string) =>
    reply.sendFile(`/${relative(root, file).split(sep).join('/')}`);
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/')) throw errors.routeNotFound(request.method, path);
    const file = await fileIn(root, path);
    if (file) return send(reply, file);
    if (extname(path) === '') {
      const index = join(root, 'index.html');
      if (await stat(index).catch(() => undefined)) return send(reply, index);
    }
    throw errors.routeNotFound(request.method, path);
  };
  app.get('/', serve);
  app.get('/*', serve);
}
