/** The API client: same-origin JSON requests with the session cookie, errors as `ApiError`. */

/** An error answered by the API (its catalogue id, HTTP status, message and details). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    /** What the error names: the fields of a refused input, the two versions of a stale edit. */
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The message for one input field (`issues` of a 400), when the API named it. */
  field(name: string): string | undefined {
    const issues = (this.details as { issues?: { path: string; message: string }[] } | undefined)
      ?.issues;
    return issues?.find((i) => i.path === name || i.path.startsWith(`${name}.`))?.message;
  }
}

/** The error of a request that got no answer: the device is offline or the server unreachable. */
export function offlineError(): ApiError {
  return new ApiError(
    0,
    'offline',
    'You are offline (or the server cannot be reached): this needs a connection. Check-in works offline on the movement-day page.',
  );
}

/** True for the error of a request that got no answer. */
export function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.id === 'offline';
}

let onUnauthenticated: () => void = () => undefined;

/** Sets what happens when the session has ended (a 401 from any route but login). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Calls the API; resolves with the JSON body, rejects with an `ApiError`. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      // The server says its error messages in the language the page is in (`<html lang>`).
      headers: {
        'accept-language': document.documentElement.lang || 'en',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    // No answer at all (no network, server unreachable): say so, never "Failed to fetch".
    throw offlineError();
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's error page): the status says enough
  }
  if (!response.ok) {
    const e = (json ?? {}) as { error?: string; message?: string; details?: unknown };
    if (response.status === 401 && path !== '/api/login') onUnauthenticated();
    throw new ApiError(
      response.status,
      e.error ?? 'error',
      e.message ?? response.statusText,
      e.details,
    );
  }
  return json as T;
}

/** A query string from the defined values of an object. */
export function query(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
