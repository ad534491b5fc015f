import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';

/**
 * Whether an error is the client's own mistake as Pothos reports it (a malformed global ID or
 * cursor), raised directly or wrapped by graphql-js: such errors reveal nothing of the server, are
 * answered as BAD_USER_INPUT (src/yoga.ts) and are not logged as server errors.
 */
export function isClientInputError(error: unknown): boolean {
  const original = error instanceof GraphQLError ? error.originalError : error;
  return original instanceof PothosValidationError;
}
