/** Turns anything thrown while answering into a catalogued error: 4xx for bad input, never a stack. */
import {
  errors,
  isCorridorError,
  localizeError,
  type CorridorError,
  type Locale,
} from '@corridor/core';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  status: number;
  message: string;
  details?: unknown;
}

interface FrameworkError {
  code?: string;
  statusCode?: number;
}

/** Maps Fastify's own errors (body, media type, URL) to the catalogue; anything else is internal. */
export function toCorridorError(
  error: unknown,
  context: { bodyLimit: number; contentType?: string | undefined },
): CorridorError {
  if (isCorridorError(error)) return error;
  const { code, statusCode } = (error ?? {}) as FrameworkError;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge(context.bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType((context.contentType ?? '').split(';')[0]?.trim() ?? '');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalidInput('the body is empty; send a JSON document or no Content-Type');
    case 'FST_ERR_BAD_URL':
      return errors.unreadableRequest(400, 'the URL is not valid percent-encoded UTF-8');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return errors.unreadableRequest(414, 'a part of the URL path is too long');
    // PostgreSQL refuses text it cannot store (a NUL byte, say) that a schema let through.
    case '22021':
    case '22P05':
      return errors.invalidInput('the request holds a character the database cannot store (NUL)');
  }
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    if (error instanceof SyntaxError && /prototype|constructor/.test(error.message))
      return errors.invalidInput('the body holds a forbidden "__proto__" or "constructor" key');
    if (error instanceof SyntaxError || code === 'FST_ERR_CTP_INVALID_JSON_BODY')
      return errors.invalidInput('the body is not valid JSON');
    // Fastify's other client errors (content length, encoding…): a fixed message, no input echoed.
    return errors.unreadableRequest(statusCode, code ?? `status ${statusCode}`);
  }
  return errors.internal();
}

/** The response body of an error, its message in the client's language (the id never changes). */
export function errorBody(e: CorridorError, locale: Locale = 'en'): ErrorBody {
  return {
    error: e.id,
    status: e.status,
    message: localizeError(e, locale),
    ...(e.details === undefined ? {} : { details: e.details }),
  };
}

/** Seconds a client should wait before retrying, for the Retry-After header. */
export function retryAfter(e: CorridorError): number | undefined {
  const d = e.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : undefined;
}
