/**
 * Reference server: mercurius on fastify with graphql-jit (each operation compiled on its first
 * request), on the same schema and corpus as claimgraph: the fastest Node GraphQL server in the
 * published comparisons, measured here on claimgraph's own schema.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { createContext } from '../../src/context.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { schema } from '../../src/schema/index.ts';
import { SearchIndex } from '../../src/search/search.ts';

const corpus = loadCorpus(process.env.CLAIMGRAPH_DATA_DIR || undefined);
const search = new SearchIndex(corpus);
const app = Fastify();
await app.register(mercurius, { schema, jit: 1, context: () => createContext(corpus, search) });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`mercurius: listening at ${url}/graphql`);
