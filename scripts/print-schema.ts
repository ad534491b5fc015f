/**
 * Writes both schemas from the code (`npm run schema`): schema.graphql, the client schema that
 * frontends and their tools read, and subgraph.graphql, the subgraph SDL a gateway composes (with
 * `@link` and `@key`). src/schema/print.ts prints and sorts them; a test fails when either drifts.
 */
import { writeFileSync } from 'node:fs';
import { schema } from '../src/schema/index.ts';
import { printClientSchema, printSortedSubgraphSchema } from '../src/schema/print.ts';

writeFileSync(new URL('../schema.graphql', import.meta.url), printClientSchema(schema));
writeFileSync(new URL('../subgraph.graphql', import.meta.url), printSortedSubgraphSchema(schema));
