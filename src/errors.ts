/** Error codes of the API (DESIGN.md §8), spelled as `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'NO_CAPACITY'
  | 'CONFLICT'
  | 'FEED_INVALID'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'SERVICE_UNAVAILABLE'
  | 'PASS_INVALID'
  | 'PASS_REVOKED'
  | 'PASS_NOT_VALID_NOW';

/** HTTP status for each code, used by REST endpoints and by GraphQL responses. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  NO_CAPACITY: 409,
  CONFLICT: 409,
  FEED_INVALID: 400,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
  PASS_INVALID: 400,
  PASS_REVOKED: 409,
  PASS_NOT_VALID_NOW: 409,
};

/** A refusal by a domain rule: shown to the client with its code and message, never masked. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An argument is malformed or out of range. */
export class BadInputError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('BAD_USER_INPUT', message, details);
  }
}

/** No credential, or one that does not verify. */
export class UnauthenticatedError extends DomainError {
  constructor(message = 'authentication required: send Authorization: Bearer <key or token>') {
    super('UNAUTHENTICATED', message);
  }
}

/** A valid credential without the right for this action. */
export class ForbiddenError extends DomainError {
  constructor(message = 'not allowed for this credential') {
    super('FORBIDDEN', message);
  }
}

/** The thing asked for does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** No space left for the asked window. */
export class NoCapacityError extends DomainError {
  constructor(message: string) {
    super('NO_CAPACITY', message);
  }
}

/** The request conflicts with the current state (e.g. an idempotency key reused with other input). */
export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

/** True for errors the client may see as they are. */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Domain errors and errors that carry a known `code` (e.g. FeedInvalidError) are shown to clients. */
export function clientErrorOf(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (isDatabaseUnavailable(error)) {
    return {
      code: 'SERVICE_UNAVAILABLE',
      message:
        'the database is unavailable; timetable queries still answer, try writes again shortly',
    };
  }
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code in httpStatusOf
  ) {
    return { code: error.code as ErrorCode, message: error.message };
  }
  return undefined;
}

/** postgres.js connection failures, and PostgreSQL's connection and shutdown classes (08, 57P0x). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * True when `error` (or what it wraps: drizzle wraps driver errors in `cause`) says the shared
 * database cannot be reached (DESIGN.md §9): the request fails with SERVICE_UNAVAILABLE, the
 * process lives on and the pool reconnects.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08')))
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
