/** Access and error log lines: JSON, one per line, with route patterns and ids, never personal data. */
import type { FastifyRequest } from 'fastify';

/** Where log lines go. */
export type LogSink = ((line: string) => void) | null;

/** Writes one log record. */
export function writeLog(sink: LogSink, record: Record<string, unknown>): void {
  if (sink) sink(JSON.stringify({ t: new Date().toISOString(), ...record }));
}

/** Quoted fragments of a message may be input echoed by a library: they are blanked. */
function scrub(message: string): string {
  return message.replace(/"[^"]*"|'[^']*'|\([^)]*\)=\([^)]*\)/g, '…').slice(0, 300);
}

/** What an unexpected error may tell the log: its kind, code and a scrubbed message. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    kind: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: scrub(error.message),
  };
}

/** The parts of a request a log line may name: method and route pattern, never the raw URL. */
export function describeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    route: request.routeOptions.url ?? '(no route)',
  };
}
