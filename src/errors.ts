/**
 * Every error the server means to raise: the `extensions.code` of each expected GraphQL error,
 * the errors that stop it from starting (a bad setting, bad data), and the test for a client's own
 * mistake. A client's mistakes are answered with their code and message; anything else is masked.
 */
import { PothosValidationError } from '@pothos/core';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';

/** The `extensions.code` of every error the server raises on purpose. */
export const ErrorCode = {
  /** An argument out of bounds, a malformed global ID or cursor. */
  badUserInput: 'BAD_USER_INPUT',
  /** An operation deeper than the depth limit. */
  queryTooDeep: 'QUERY_TOO_DEEP',
  tooManyAliases: 'TOO_MANY_ALIASES',
  tooManyTokens: 'TOO_MANY_TOKENS',
  tooManyDirectives: 'TOO_MANY_DIRECTIVES',
  /** An operation whose estimated cost is over the budget. */
  queryTooCostly: 'QUERY_TOO_COSTLY',
  /** CLAIMGRAPH_CSRF_PREVENTION on: a GET or a form-like POST without the header x-graphql-yoga-csrf. */
  csrfHeaderRequired: 'CSRF_HEADER_REQUIRED',
  /** An operation still executing after CLAIMGRAPH_EXECUTION_TIMEOUT_MS (HTTP 503). */
  operationTimeout: 'OPERATION_TIMEOUT',
  /** Introspection (or the subgraph SDL) asked for while CLAIMGRAPH_INTROSPECTION is off. */
  introspectionDisabled: 'INTROSPECTION_DISABLED',
  /** A POST body in a content type the server does not read. */
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** Automatic persisted queries: the hash names no query the server knows; send the text with it. */
  persistedQueryNotFound: 'PERSISTED_QUERY_NOT_FOUND',
  /** Automatic persisted queries: the hash sent is not the SHA-256 of the text sent with it. */
  persistedQueryMismatch: 'PERSISTED_QUERY_MISMATCH',
  /** CLAIMGRAPH_APQ off: a query was sent by hash alone. */
  persistedQueryNotSupported: 'PERSISTED_QUERY_NOT_SUPPORTED',
  /** Trusted-operations mode: a query text was sent instead of a hash. */
  trustedOperationsOnly: 'TRUSTED_OPERATIONS_ONLY',
  /** Trusted-operations mode: no hash was sent. */
  trustedOperationIdRequired: 'TRUSTED_OPERATION_ID_REQUIRED',
  /** Trusted-operations mode: the hash names no trusted operation. */
  trustedOperationNotFound: 'TRUSTED_OPERATION_NOT_FOUND',
  /** Search cannot answer now: its index is being rebuilt, or could not be built. */
  searchUnavailable: 'SEARCH_UNAVAILABLE',
  /** One search failed (an error in the index, or it ran too long); the next may succeed. */
  searchFailed: 'SEARCH_FAILED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Where a client gets the ID of a record: said in every ID filter's description and ID error. */
export const WHERE_IDS_COME_FROM =
  'IDs are the `id` of objects this API returns: look an entity up by its slug (`person(slug:)`, ' +
  '`country(slug:)`, `organization(slug:)`, `place(slug:)`, `item(slug:)`) or by name (`entitiesNamed(name:)`).';

/**
 * `extensions.http` of an error found before execution: Yoga answers it with 400, as the
 * GraphQL-over-HTTP spec asks of a request error.
 */
export const REQUEST_ERROR_HTTP = { status: 400, spec: true };

/** `error` with another message and extensions, at the same place in the document and the answer. */
export function rebuilt(error: GraphQLError, message: string, extensions?: GraphQLErrorExtensions): GraphQLError {
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions,
  });
}

/** A client's mistake in an argument: answered with this message and BAD_USER_INPUT. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.badUserInput, ...extensions } });
}

/** A search that could not be answered; `cause` (logged, never sent) says why. */
export function searchError(
  code: typeof ErrorCode.searchUnavailable | typeof ErrorCode.searchFailed,
  message: string,
  cause?: Error,
): GraphQLError {
  return new GraphQLError(message, { extensions: { code }, originalError: cause });
}

/**
 * Whether an error is the client's own mistake as Pothos reports it (a malformed global ID or
 * cursor), raised directly or wrapped by graphql-js: such errors reveal nothing of the server, are
 * answered as BAD_USER_INPUT (src/yoga.ts) and are not logged as server errors.
 */
export function isClientInputError(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof PothosValidationError;
}

/** A setting that does not parse: the server refuses to start, naming the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * A fault in a data file. The message names the file, the record and the field, so whoever edits
 * data/ can go straight to the mistake; the server refuses to start on one.
 */
export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly file: string,
    readonly record: string | undefined,
    readonly field: string | undefined,
    readonly problem: string,
  ) {
    const where = [file, record && `record ${record}`, field && `field ${field}`].filter(Boolean);
    super(`${where.join(', ')}: ${problem}`);
  }
}
