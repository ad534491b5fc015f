/**
 * Reference server: Apollo Server's standalone HTTP server, on the same schema and corpus as
 * claimgraph, with its defaults (parsed and validated operations cached by query text). The schema
 * is a federation subgraph: Apollo's federated tracing is turned off, as no gateway asks for it here.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { type Context, createContext } from '../../src/context.ts';
import { loadCorpus } from '../../src/data/load.ts';
import { schema } from '../../src/schema/index.ts';
import { SearchIndex } from '../../src/search/search.ts';

const corpus = loadCorpus(process.env.CLAIMGRAPH_DATA_DIR || undefined);
const search = new SearchIndex(corpus);
const server = new ApolloServer<Context>({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async () => createContext(corpus, search),
});
console.log(`apollo-server: listening at ${url.replace(/\/$/, '')}/graphql`);
