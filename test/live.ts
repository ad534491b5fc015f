/** claimgraph listening on a free port, counting the operations it executes. */
import { type DocumentNode, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { loadConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { createClaimgraph } from '../src/yoga.ts';
import { fixtureCorpus, searchFor } from './helpers.ts';
import { type Listening, listen } from './http.ts';

export interface LiveServer extends Listening {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:41234/graphql`. */
  url: string;
  /** Names of the operations executed so far (`null` for an anonymous one), oldest first. */
  executed: (string | null)[];
}

export interface LiveOptions {
  /** The fixture corpus unless told otherwise. */
  corpus?: Corpus;
  plugins?: Plugin<Context>[];
}

export async function startClaimgraph({
  corpus = fixtureCorpus(),
  plugins = [],
}: LiveOptions = {}): Promise<LiveServer> {
  const executed: (string | null)[] = [];
  const count: Plugin<Context> = {
    onExecute: ({ args }) => {
      const operation = getOperationAST(args.document as DocumentNode, args.operationName);
      executed.push(operation?.name?.value ?? null);
    },
  };
  // Settings from no variables at all: the tests do not depend on the shell's environment.
  const { yoga, listener } = createClaimgraph({
    corpus,
    search: searchFor(corpus),
    config: loadConfig({}),
    plugins: [count, ...plugins],
  });
  const server = await listen(listener);
  return { ...server, url: `${server.origin}${yoga.graphqlEndpoint}`, executed };
}
