/**
 * Test helpers: one corpus loaded from data/, and a way to run operations through the real server
 * in-process with `yoga.fetch`, observing the per-request context when a test needs to.
 */
import type { ExecutionResult } from 'graphql';
import { type Config, loadConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { loadCorpus } from '../src/data/load.ts';
import { SearchIndex } from '../src/search/search.ts';
import { createClaimgraphYoga } from '../src/yoga.ts';

let shared: Corpus | undefined;

/** The real corpus, loaded once per test file. */
export function corpus(): Corpus {
  shared ??= loadCorpus();
  return shared;
}

const indexes = new WeakMap<Corpus, SearchIndex>();

/** The search index of a corpus, started once per corpus and test file. */
export function searchFor(data: Corpus): SearchIndex {
  let index = indexes.get(data);
  if (!index) {
    index = new SearchIndex(data);
    indexes.set(data, index);
  }
  return index;
}

export interface Client {
  /** Runs an operation over HTTP semantics (POST /graphql, JSON) and returns the parsed body. */
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<ExecutionResult<T>>;
  /** The contexts of the requests made so far, newest last. */
  contexts: Context[];
  yoga: ReturnType<typeof createClaimgraphYoga>;
}

export function client(data: Corpus = corpus(), config: Config = loadConfig({})): Client {
  const contexts: Context[] = [];
  const yoga = createClaimgraphYoga({
    corpus: data,
    search: searchFor(data),
    config,
    plugins: [{ onExecute: ({ args }) => void contexts.push(args.contextValue) }],
  });
  return {
    contexts,
    yoga,
    async run(query, variables) {
      const response = await yoga.fetch('http://claimgraph.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
  };
}

/** The global ID of a record, as the Relay plugin encodes it. */
export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64');
}
