/** Serves /openapi.json and the /docs page that renders it. */
import type { FastifyInstance } from 'fastify';
import type { ApiRoute } from '../route.js';
import { docsCss, docsHtml, docsJs } from './docs-page.js';
import { openApiDocument } from './document.js';

/** Registers the document and the page (all public). */
export function registerDocs(
  app: FastifyInstance,
  routes: readonly ApiRoute[],
  version: string,
): void {
  let document: Record<string, unknown> | undefined;
  app.get('/openapi.json', async () => (document ??= openApiDocument(routes, version)));
  app.get('/docs', (_q, reply) => reply.type('text/html; charset=utf-8').send(docsHtml));
  app.get('/docs/docs.js', (_q, reply) =>
    reply.type('text/javascript; charset=utf-8').send(docsJs),
  );
  app.get('/docs/docs.css', (_q, reply) => reply.type('text/css; charset=utf-8').send(docsCss));
}
