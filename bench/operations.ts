/**
 * The benchmark's operations (bench/operations/*.graphql, variables in variables.json, read by
 * scripts/operations.ts as the exact request bodies the load generator sends), and the answers of
 * plain graphql-js `execute` that every server must send.
 */
import { fileURLToPath } from 'node:url';
import { execute, parse, validate } from 'graphql';
import type { Operation } from '../scripts/operations.ts';
import { createContext } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { schema } from '../src/schema/index.ts';
import type { SearchIndex } from '../src/search/search.ts';

export const OPERATIONS_DIR = fileURLToPath(new URL('./operations', import.meta.url));

/** The answer of graphql-js `execute` on the same schema and corpus: what every server must send. */
export async function reference(corpus: Corpus, search: SearchIndex, operation: Operation): Promise<unknown> {
  const document = parse(operation.query);
  const errors = validate(schema, document);
  if (errors.length > 0) throw new Error(`${operation.name} is invalid: ${errors.map((e) => e.message).join('; ')}`);
  const result = await execute({
    schema,
    document,
    variableValues: operation.variables,
    operationName: operation.name,
    contextValue: createContext(corpus, search),
  });
  return JSON.parse(JSON.stringify(result));
}
