/**
 * Builds the GraphQL server: schema, per-request context, error masking, GraphiQL, automatic
 * persisted queries, HTTP caching, the hardening of src/plugins/ (limits, HTTP protections,
 * observability), and the fast lane in front of Yoga (src/fast-lane.ts). Exported for server.ts,
 * which only listens, and for the tests, which call `yoga.fetch` in-process or listen with the
 * same request listener as the server.
 */
import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { useAPQ } from '@graphql-yoga/plugin-apq';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { type DocumentNode, GraphQLError, Kind, parse } from 'graphql';
import { createGraphQLError, createYoga, maskError, type Plugin } from 'graphql-yoga';
import { type Config, loadConfig } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
import { ErrorCode, isClientInputError, rebuilt, WHERE_IDS_COME_FROM } from './errors.ts';
import { FastLane, type FastLaneOptions } from './fast-lane.ts';
import { Caches, DOCUMENT_BYTES_PER_CHARACTER, stringBytes } from './lru.ts';
import { DEFAULT_OPERATION_FILE } from './paths.ts';
import { graphiqlPlugin } from './plugins/graphiql.ts';
import { httpCachePlugin } from './plugins/http-cache.ts';
import { inputPlugins } from './plugins/input.ts';
import { limitPlugins, useExecutionTimeout } from './plugins/limits.ts';
import { createObservability, type ObservabilityOptions, yogaLogger } from './plugins/observability.ts';
import { performancePlugins } from './plugins/performance.ts';
import { corsOptions, securityPlugins } from './plugins/security.ts';
import { schema } from './schema/index.ts';
import type { SearchIndex } from './search/search.ts';

/** The operation GraphiQL opens with: who accuses whom of supplying drones, and the answers. */
export const DEFAULT_OPERATION = readFileSync(DEFAULT_OPERATION_FILE, 'utf8');

export interface YogaOptions extends ObservabilityOptions {
  corpus: Corpus;
  /** The corpus's full-text index (src/search/search.ts). */
  search: SearchIndex;
  /** Limits, CORS, GraphiQL, trusted operations, JIT; read from the environment when omitted. */
  config?: Config;
  /** Extra Yoga/envelop plugins, after the built-in ones (tests use one to observe the per-request context). */
  plugins?: Plugin<Context>[];
}

/** Yoga alone, for tests that call `yoga.fetch` in-process (the fast lane lives in the listener). */
export function createClaimgraphYoga(options: YogaOptions) {
  return createClaimgraph(options).yoga;
}

/**
 * Yoga, and the Node request listener that serves it: the fast lane in front of Yoga when it is on
 * (CLAIMGRAPH_FAST_LANE), Yoga itself otherwise.
 */
export function createClaimgraph(options: YogaOptions) {
  const { corpus, search, config = loadConfig(), plugins = [], log, ready } = options;
  const { memory } = config;
  const caches = new Caches();
  const observability = createObservability({
    log,
    ready,
    logging: config.log,
    metrics: config.metrics,
    caches,
    operationNameBytes: memory.operationNames,
  });
  const lane = config.performance.fastLane
    ? new FastLane({
        corpus,
        search,
        performance: config.performance,
        observability,
        maxBodyBytes: config.limits.bodyBytes,
        memory,
        caches,
      } satisfies FastLaneOptions)
    : undefined;
  const graphqlEndpoint = '/graphql';
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(corpus, search),
    graphqlEndpoint,
    healthCheckEndpoint: '/health',
    landingPage: false,
    // Served by graphiqlPlugin, compressed and revalidated.
    graphiql: false,
    maskedErrors: { maskError: maskUnlessBadInput, isDev: config.development },
    cors: corsOptions(config),
    maxRequestBodySize: config.limits.bodyBytes,
    batching: false,
    // No file uploads: a multipart body is one a browser form can send (src/plugins/security.ts).
    multipart: false,
    parserAndValidationCache: documentCaches(memory.documents, caches),
    logging: yogaLogger(log, config.log),
    plugins: [
      useDeferStream(),
      // Before the plugins that read the query text: a request by hash gets it here.
      ...(config.trustedOperationsOnly ? [] : [config.apq ? apq(memory.apq, caches) : noApq]),
      ...observability.plugins,
      ...(config.graphiql ? [graphiqlPlugin(GRAPHIQL, graphqlEndpoint)] : []),
      ...securityPlugins(config),
      ...inputPlugins(),
      ...limitPlugins(config, caches),
      ...performancePlugins(config.performance, memory, caches),
      // Last of those that execute: it bounds whatever execute function the others settled on.
      useExecutionTimeout(config.limits.executionMs),
      httpCachePlugin(config.httpCache, graphqlEndpoint),
      ...plugins,
      // Last: the lane reads the answer's final headers to decide what it may keep.
      ...(lane ? [lane.plugin] : []),
    ],
  });
  const listener: RequestListener = lane ? lane.listener(yoga) : yoga;
  return { yoga, listener, metricsListener: observability.metricsListener };
}

/**
 * The operation GraphiQL's default tab opens with: the default operation without its name.
 *
 * GraphiQL parses the editor's text 100 ms after each change (a debounce), and keeps the
 * operations and the operation name it found there. Running the editor (Ctrl+Enter, or the
 * button) sends the editor's current text with that remembered name, or with the name of the
 * remembered operation under the cursor. So a query pasted over a named default operation and
 * run within 100 ms went out with the old name (its page refused it: "Cannot infer operation
 * DroneAccusations"). With no name in the default tab, nothing stale is sent: the server runs the
 * one operation the text holds, whatever it is.
 */
export const GRAPHIQL_DEFAULT_QUERY = withoutOperationName(DEFAULT_OPERATION);

/** What the GraphiQL page is configured with. */
const GRAPHIQL = { title: 'claimgraph', defaultQuery: GRAPHIQL_DEFAULT_QUERY };

/** The text of an operation without its name, every other character (comments too) as it was. */
function withoutOperationName(text: string): string {
  const operation = parse(text).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  const name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.loc : undefined;
  if (!name) return text;
  return `${text.slice(0, name.start).trimEnd()} ${text.slice(name.end).trimStart()}`;
}

/**
 * Automatic persisted queries (Apollo's protocol, Yoga's plugin): a client sends a query's SHA-256
 * alone; an unknown hash answers PERSISTED_QUERY_NOT_FOUND, and the client sends it again with the
 * text, which is kept only if the hash is the text's. The texts are kept within `maxBytes`
 * (CLAIMGRAPH_APQ_BYTES), least recently used evicted first.
 */
function apq(maxBytes: number, caches: Caches): Plugin {
  const store = caches.lru<string, string>('apq', { maxBytes }, (text, hash) => stringBytes(text) + stringBytes(hash));
  return useAPQ({ store: { get: (hash) => store.get(hash), set: (hash, text) => void store.set(hash, text) } });
}

/**
 * With CLAIMGRAPH_APQ off, a query sent by hash alone answers PERSISTED_QUERY_NOT_SUPPORTED, so
 * that Apollo's link stops hashing and sends the text from then on.
 */
const noApq: Plugin = {
  onParams({ params }) {
    if (params.query || !params.extensions?.persistedQuery) return;
    throw createGraphQLError('PersistedQueryNotSupported', {
      extensions: { code: ErrorCode.persistedQueryNotSupported, http: { status: 400 } },
    });
  },
};

/**
 * Yoga's caches of parsed documents and of parse errors, by query text, in one LRU of `maxBytes`
 * (CLAIMGRAPH_DOCUMENT_CACHE_BYTES). A document's validation result, its JIT verdict and its cost
 * entries are kept beside it (in WeakMaps), and go when it goes.
 */
function documentCaches(maxBytes: number, caches: Caches) {
  const parsed = caches.lru<string, DocumentNode | Error>('documents', { maxBytes }, (value, text) =>
    value instanceof Error ? stringBytes(text) : DOCUMENT_BYTES_PER_CHARACTER * text.length,
  );
  return {
    documentCache: {
      get: (text: string) => {
        const value = parsed.get(text);
        return value instanceof Error ? undefined : value;
      },
      set: (text: string, document: DocumentNode) => void parsed.set(text, document),
    },
    errorCache: {
      get: (text: string) => {
        const value = parsed.get(text);
        return value instanceof Error ? value : undefined;
      },
      set: (text: string, error: unknown) => void (error instanceof Error && parsed.set(text, error)),
    },
  };
}

/**
 * Errors stay masked, except a client's own mistakes that Pothos reports (a malformed global ID
 * or cursor): those become BAD_USER_INPUT errors with their message, since they reveal nothing.
 */
function maskUnlessBadInput(error: unknown, message: string, isDev?: boolean): Error {
  if (error instanceof GraphQLError && isClientInputError(error)) {
    const original = error.originalError?.message ?? error.message;
    // A string that is no global ID at all: say where IDs come from.
    const hint = original.startsWith('Invalid global ID') ? `. ${WHERE_IDS_COME_FROM}` : '';
    return rebuilt(error, `${original}${hint}`, { code: ErrorCode.badUserInput });
  }
  // A deliberate error of the server's own (SEARCH_UNAVAILABLE, say) keeps its message and code
  // even when it carries the error that caused it: the cause goes to the log, never to the client.
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  if (error instanceof GraphQLError && !(cause instanceof GraphQLError) && DELIBERATE_CODES.has(code as string)) {
    return rebuilt(error, error.message, error.extensions);
  }
  return maskError(error, message, isDev);
}

const DELIBERATE_CODES = new Set<string>(Object.values(ErrorCode));
