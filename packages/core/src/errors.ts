/** One catalogue of user-facing errors: an id, an HTTP status and a message. */
export class CorridorError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
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
    ),
  noData: (dir: string) =>
    new CorridorError(
      'no-data',
      404,
      `no Corridor data at ${dir}; create it with \`corridor demo\` or \`corridor import\` (or point --data or DATABASE_URL elsewhere)`,
    ),
  dataInUse: (dir: string, pid: number) =>
    new CorridorError(
      'data-in-use',
      423,
      `data folder ${dir} is in use by process ${pid}; stop it first or use another --data folder`,
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
    ),
} as const;

/** True when a value is a catalogued Corridor error. */
export function isCorridorError(value: unknown): value is CorridorError {
  return value instanceof CorridorError;
}
