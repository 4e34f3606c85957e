/** Which catalogued message an error carries (a factory name, see error-text.ts) and its values. */
export interface ErrorText {
  key: string;
  values?: Record<string, string | number>;
}

/**
 * One catalogue of user-facing errors: an id, an HTTP status and a message (English; `text` names
 * its catalogued translation, see error-text.ts).
 */
export class CorridorError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly text?: ErrorText,
  ) {
    super(message);
    this.name = 'CorridorError';
  }
}

/** Factories for every error a user can meet; interfaces present them, never a stack trace. */
export const errors = {
  notFound: (what: string, id: string) =>
    new CorridorError('not-found', 404, `${what} ${id} not found`),
  invalidTransition: (message: string) => new CorridorError('invalid-transition', 409, message),
  forbidden: (message: string) => new CorridorError('forbidden', 403, message),
  invalidInput: (message: string, details?: unknown) =>
    new CorridorError('invalid-input', 400, message, details),
  conflict: (message: string) => new CorridorError('conflict', 409, message),
  noOperation: () =>
    new CorridorError(
      'no-operation',
      404,
      'this database holds no operation yet; create one with `corridor demo` or `corridor import`',
      undefined,
      { key: 'noOperation' },
    ),
  noData: (dir: string) =>
    new CorridorError(
      'no-data',
      404,
      `no Corridor data at ${dir}; create it with \`corridor demo\` or \`corridor import\` (or point --data or DATABASE_URL elsewhere)`,
      undefined,
      { key: 'noData', values: { dir } },
    ),
  dataInUse: (dir: string, pid: number, servingUrl?: string) =>
    new CorridorError(
      'data-in-use',
      423,
      servingUrl
        ? `data folder ${dir} is in use by process ${pid}, corridor serve at ${servingUrl}: ask it over its API while it runs (e.g. ${servingUrl}/api/status, docs at ${servingUrl}/docs), or stop it first`
        : `data folder ${dir} is in use by process ${pid}; stop it first or use another --data folder`,
    ),
  notCorridorData: (dir: string, reason: string) =>
    new CorridorError('not-corridor-data', 400, `${dir} is not a Corridor data folder: ${reason}`),
  databaseUnreachable: (target: string, reason: string) =>
    new CorridorError(
      'database-unreachable',
      503,
      `cannot reach the database at ${target}: ${reason}`,
    ),
  keyMismatch: (source: string) =>
    new CorridorError(
      'key-mismatch',
      400,
      `the master key from ${source} does not open this database; use the key it was created with`,
      undefined,
      { key: 'keyMismatch', values: { source } },
    ),
  unauthenticated: () =>
    new CorridorError(
      'unauthenticated',
      401,
      'log in first: POST /api/login, then send the session cookie or `Authorization: Bearer <token>`',
      undefined,
      { key: 'unauthenticated' },
    ),
  notLoggedIn: (server: string) =>
    new CorridorError(
      'unauthenticated',
      401,
      `not logged in at ${server}; run \`corridor login --server ${server} --username NAME --password-stdin\` first`,
      undefined,
      { key: 'notLoggedIn', values: { server } },
    ),
  sessionExpired: () =>
    new CorridorError(
      'session-expired',
      401,
      'your session has expired or ended; log in again',
      undefined,
      { key: 'sessionExpired' },
    ),
  invalidCredentials: () =>
    new CorridorError('invalid-credentials', 401, 'wrong username or password', undefined, {
      key: 'invalidCredentials',
    }),
  loginLocked: (retryAfterSeconds: number) =>
    new CorridorError(
      'login-locked',
      429,
      `too many failed logins from this address; try again in ${retryAfterSeconds} s (from an address where you logged in before, the right password still works)`,
      { retryAfterSeconds },
      { key: 'loginLocked', values: { seconds: retryAfterSeconds } },
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new CorridorError(
      'too-many-requests',
      429,
      `too many requests; try again in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
      { key: 'tooManyRequests', values: { seconds: retryAfterSeconds } },
    ),
  routeForbidden: (route: string, role: string, allowed: readonly string[]) =>
    new CorridorError(
      'route-forbidden',
      403,
      `role ${role} may not call ${route}; allowed roles: ${allowed.join(', ')}`,
      undefined,
      { key: 'routeForbidden', values: { role, route, allowed: allowed.join(', ') } },
    ),
  noConsent: (purpose: string, lines: readonly string[], details?: unknown) =>
    new CorridorError(
      'no-consent',
      409,
      `refused, nothing disclosed: ${lines.length} person(s) without a basis for ${purpose}: ` +
        lines.slice(0, 20).join('; ') +
        (lines.length > 20 ? `; and ${lines.length - 20} more` : ''),
      details,
    ),
  notPermitted: (permission: string, why: string) =>
    new CorridorError('forbidden', 403, `not permitted: ${why}`, { permission }),
  routeNotFound: (method: string, path: string) =>
    new CorridorError(
      'route-not-found',
      404,
      `no route ${method} ${path}; see /openapi.json`,
      undefined,
      { key: 'routeNotFound', values: { method, path } },
    ),
  payloadTooLarge: (limitBytes: number) =>
    new CorridorError(
      'payload-too-large',
      413,
      `the request body is larger than the limit of ${limitBytes} bytes`,
      undefined,
      { key: 'payloadTooLarge', values: { limit: limitBytes } },
    ),
  archiveLimit: (limit: string, found: string, allowed: string) =>
    new CorridorError(
      'archive-limit',
      413,
      `the XLSX file is refused unread: ${found}, over the limit ${limit} of ${allowed}`,
      { limit },
    ),
  unsupportedMediaType: (type: string) =>
    new CorridorError(
      'unsupported-media-type',
      415,
      `request bodies must be application/json, not ${type || 'an unnamed type'}`,
    ),
  unreadableRequest: (status: number, what: string) =>
    new CorridorError('bad-request', status, `the request cannot be read: ${what}`),
  internal: () =>
    new CorridorError(
      'internal',
      500,
      'an unexpected error occurred; it was logged without personal data',
      undefined,
      { key: 'internal' },
    ),
  userExists: (username: string) =>
    new CorridorError('user-exists', 409, `a user named ${username} already exists`, undefined, {
      key: 'userExists',
      values: { username },
    }),
  weakPassword: (minLength: number) =>
    new CorridorError(
      'weak-password',
      400,
      `a password needs at least ${minLength} characters`,
      undefined,
      { key: 'weakPassword', values: { minLength } },
    ),
  alreadyErased: (personId: string) =>
    new CorridorError(
      'already-erased',
      409,
      `the personal data of person ${personId} was already erased`,
      undefined,
      { key: 'alreadyErased', values: { personId } },
    ),
  legalHold: (subject: string, id: string, what: string) =>
    new CorridorError(
      'legal-hold',
      409,
      `${subject} ${id} is under a legal hold: ${what} (release the hold first: corridor legal-hold release)`,
    ),
  staleVersion: (what: string, id: string, submitted: number, stored: number, details: unknown) =>
    new CorridorError(
      'stale-version',
      409,
      `${what} ${id} was changed after version ${submitted} (it is now version ${stored}): nothing was written; compare the stored and the submitted values, then send the edit again based on version ${stored}`,
      details,
    ),
  importRejected: (problems: number, rows: number, dryRun: boolean) =>
    new CorridorError(
      'import-rejected',
      422,
      `${dryRun ? 'the file would be refused' : 'nothing imported'}: ${problems} problem(s) in ${rows} row(s)`,
      { problems, rows },
    ),
  notOnMovement: (personId: string, movementId: string) =>
    new CorridorError(
      'not-on-movement',
      409,
      `person ${personId} is not on movement ${movementId} in the current timetable`,
      undefined,
      { key: 'notOnMovement', values: { personId, movementId } },
    ),
  checkinConflict: (personId: string, movementId: string) =>
    new CorridorError(
      'checkin-conflict',
      409,
      `stations disagree about person ${personId} on movement ${movementId}; decide first with \`corridor checkin resolve\``,
      undefined,
      { key: 'checkinConflict', values: { personId, movementId } },
    ),
  checkinLogInvalid: (reason: string) =>
    new CorridorError('checkin-log-invalid', 400, `the check-in log cannot be merged: ${reason}`),
  jobFailed: (reason: string) => new CorridorError('job-failed', 500, `the job failed: ${reason}`),
  jobCancelled: (id: string) =>
    new CorridorError('job-cancelled', 409, `job ${id} was cancelled`, undefined, {
      key: 'jobCancelled',
      values: { id },
    }),
  planChanged: (kind: string, expected: string, found: string) =>
    new CorridorError(
      'plan-changed',
      409,
      `the current ${kind} plan changed while this one was computed (based on ${expected}, now ${found}); run it again`,
    ),
  moveRefused: (caseId: string, movementId: string, failed: string[]) =>
    new CorridorError(
      'move-refused',
      422,
      `case ${caseId} cannot go on movement ${movementId}: ${failed.join('; ')}`,
      { failed },
    ),
} as const;

/** True when a value is a catalogued Corridor error. */
export function isCorridorError(value: unknown): value is CorridorError {
  return value instanceof CorridorError;
}
