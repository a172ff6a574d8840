import { GraphQLError } from 'graphql';
import { clientErrorOf, type ErrorCode } from '../../errors.js';

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
  // Duck-typed: graphql's classes may come from two module instances (ESM and CJS).
  const gqlError = isGraphQLErrorLike(error) ? error : undefined;
  const original = gqlError?.originalError ?? error;
  const client = clientErrorOf(original);
  const location = { nodes: gqlError?.nodes, path: gqlError?.path };
  if (client) {
    const status = STATUS_IN_GRAPHQL[client.code];
    return new GraphQLError(client.message, {
      ...location,
      extensions: { code: client.code, ...(status ? { http: { status } } : {}) },
    });
  }
  if (isGraphQLErrorLike(original) && original.extensions?.code) return original;
  if (gqlError && isRequestError(gqlError)) {
    return new GraphQLError(gqlError.message, {
      ...location,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new GraphQLError(message, { ...location, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}

interface GraphQLErrorLike {
  originalError?: unknown;
  nodes?: GraphQLError['nodes'];
  path?: GraphQLError['path'];
  extensions?: Record<string, unknown>;
}

/**
 * graphql-js's own errors about the request (a variable of the wrong type, a missing operation):
 * no path, and caused by nothing but other GraphQL errors (as yoga's own masking judges them).
 */
function isRequestError(error: GraphQLErrorLike): boolean {
  if (error.path !== undefined) return false;
  const cause = error.originalError;
  return (
    cause === undefined || cause === null || (isGraphQLErrorLike(cause) && isRequestError(cause))
  );
}

function isGraphQLErrorLike(error: unknown): error is GraphQLErrorLike & Error {
  return error instanceof Error && 'extensions' in error && 'path' in error;
}
