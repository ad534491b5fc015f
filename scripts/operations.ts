/**
 * Operations kept as files: each *.graphql of a folder, with its variables from the folder's
 * variables.json (keyed by operation name; optional), as the exact request body a client sends.
 * The benchmarks load-test bench/operations and bench/scale with them; the tests run
 * test/fixtures/operations and examples/operations through the server.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Operation {
  /** The file's name without `.graphql`, which is also the operation's name. */
  name: string;
  query: string;
  variables: Record<string, unknown> | undefined;
  /** The POST body, byte for byte what every server receives. */
  body: string;
}

export function readOperations(dir: string): Operation[] {
  const variablesFile = join(dir, 'variables.json');
  const variables: Record<string, Record<string, unknown>> = existsSync(variablesFile)
    ? JSON.parse(readFileSync(variablesFile, 'utf8'))
    : {};
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
