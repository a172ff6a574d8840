import { GraphQLError } from 'graphql';
import { DomainError, httpStatusOf, type ErrorCode } from '../../errors.js';

/** Domain errors and errors that carry a known `code` (e.g. FeedInvalidError) are shown to clients. */
export function clientErrorOf(error: unknown): { code: ErrorCode; message: string } | undefined {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code in httpStatusOf) {
    return { code: error.code as ErrorCode, message: error.message };
  }
  return undefined;
}

const STATUS_IN_GRAPHQL: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
};

/**
 * Yoga's `maskError`: domain errors become GraphQL errors with `extensions.code` (and the HTTP
 * status for credentials); anything unexpected is masked as INTERNAL_SERVER_ERROR (DESIGN.md §8).
 */
export function maskError(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const client = clientErrorOf(original);
  if (client) {
    const status = STATUS_IN_GRAPHQL[client.code];
    return new GraphQLError(client.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: { code: client.code, ...(status ? { http: { status } } : {}) },
    });
  }
  if (original instanceof GraphQLError && original.extensions.code) return original;
  return new GraphQLError(message, {
    nodes: error instanceof GraphQLError ? error.nodes : undefined,
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}
