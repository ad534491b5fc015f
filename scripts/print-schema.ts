/**
 * Writes schema.graphql from the code (`npm run schema`): the subgraph schema a gateway composes,
 * printed by @apollo/subgraph so `@link` and `@key` survive, sorted. A test fails when it drifts.
 */
import { writeFileSync } from 'node:fs';
import { schema } from '../src/schema/index.ts';
import { printSortedSubgraphSchema } from '../src/schema/print.ts';

writeFileSync(new URL('../schema.graphql', import.meta.url), printSortedSubgraphSchema(schema));
