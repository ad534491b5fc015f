/**
 * Prints the subgraph schema from the code into schema.graphql, or with --check fails on drift.
 * This is the file a gateway composes: printed by @apollo/subgraph, so `@link` and `@key` survive.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { schema } from '../src/schema/index.ts';
import { printSortedSubgraphSchema } from '../src/schema/print.ts';

const file = new URL('../schema.graphql', import.meta.url);
const printed = printSortedSubgraphSchema(schema);

if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== printed) {
    console.error('schema.graphql is out of date: run `npm run schema`');
    process.exit(1);
  }
} else {
  writeFileSync(file, printed);
}
