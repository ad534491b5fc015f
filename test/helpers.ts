/**
 * Test helpers: the two corpora, each loaded once per test file (the fixture written for the tests,
 * test/fixtures/corpus, and the real article under data/), and a way to run operations through the
 * real server in-process with `yoga.fetch`, observing the per-request context when a test needs to.
 * Behaviour tests run on the fixture; only the suite under test/article/ reads the article.
 */
import { fileURLToPath } from 'node:url';
import type { ExecutionResult } from 'graphql';
import { type Config, loadConfig } from '../src/config.ts';
import type { Context } from '../src/context.ts';
import type { Corpus } from '../src/data/corpus.ts';
import { loadCorpus } from '../src/data/load.ts';
import { DEFAULT_DATA_DIR } from '../src/paths.ts';
import { SearchIndex } from '../src/search/search.ts';
import { createClaimgraphYoga } from '../src/yoga.ts';

/** The corpus written for the tests (test/fixtures/README.md says what it holds). */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/corpus', import.meta.url));

/**
 * Operations written for the fixture (test/fixtures/operations), with variables that name its
 * records: read them with `readOperations` (scripts/operations.ts).
 */
export const FIXTURE_OPERATIONS_DIR = fileURLToPath(new URL('./fixtures/operations', import.meta.url));

const loaded = new Map<string, Corpus>();

function loadedOnce(dir: string): Corpus {
  let corpus = loaded.get(dir);
  if (!corpus) {
    corpus = loadCorpus(dir);
    loaded.set(dir, corpus);
  }
  return corpus;
}

/** The fixture corpus (test/fixtures/corpus): three short invented articles. */
export function fixtureCorpus(): Corpus {
  return loadedOnce(FIXTURE_DIR);
}

/** The real corpus under data/: only the article suite (test/article/) checks its facts. */
export function articleCorpus(): Corpus {
  return loadedOnce(DEFAULT_DATA_DIR);
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

/**
 * Settings for tests that read the data in bulk, far past what one client request may cost: they
 * check the data and the loaders, not the limits (test/limits.test.ts does).
 */
export function withCost(cost: number): Config {
  const config = loadConfig({});
  return { ...config, limits: { ...config.limits, cost } };
}

export function client(data: Corpus = fixtureCorpus(), config: Config = loadConfig({})): Client {
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
