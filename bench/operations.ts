/**
 * The benchmark's operations (bench/operations/*.graphql, variables in variables.json), as the
 * exact request bodies the load generator sends, with the answers of plain graphql-js `execute`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execute, parse, validate } from 'graphql';
import { createContext } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { schema } from '../src/schema/index.ts';
import type { SearchIndex } from '../src/search/search.ts';

export const OPERATIONS_DIR = fileURLToPath(new URL('./operations', import.meta.url));

export interface Operation {
  name: string;
  query: string;
  variables: Record<string, unknown> | undefined;
  /** The POST body, byte for byte what every server receives. */
  body: string;
}

export function readOperations(dir: string = OPERATIONS_DIR): Operation[] {
  const variables = JSON.parse(readFileSync(join(dir, 'variables.json'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;
  return readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const name = basename(file, '.graphql');
      const query = readFileSync(join(dir, file), 'utf8');
      const vars = variables[name];
      return { name, query, variables: vars, body: JSON.stringify({ query, variables: vars, operationName: name }) };
    });
}

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
