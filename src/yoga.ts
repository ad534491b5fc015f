/**
 * Builds the GraphQL server: schema, per-request context, error masking, GraphiQL, the hardening
 * of src/plugins/ (limits, HTTP protections, observability), and the fast lane in front of Yoga
 * (src/fast-lane.ts). Exported for server.ts, which only listens, and for the tests, which call
 * `yoga.fetch` in-process or listen with the same request listener as the server.
 */
import { readFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { GraphQLError } from 'graphql';
import { createYoga, type GraphiQLOptions, maskError, type Plugin } from 'graphql-yoga';
import { type Config, loadConfig } from './config.ts';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
import { ErrorCode, isClientInputError, WHERE_IDS_COME_FROM } from './errors.ts';
import { FastLane, type FastLaneOptions } from './fast-lane.ts';
import { DEFAULT_OPERATION_FILE } from './paths.ts';
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
  /** How many requests the fast lane keeps (tests use small numbers); src/fast-lane.ts's `CAPACITY` by default. */
  laneCapacity?: FastLaneOptions['capacity'];
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
  const { corpus, search, config = loadConfig(), plugins = [], log, ready, laneCapacity } = options;
  const observability = createObservability({ log, ready, logging: config.log, metrics: config.metrics });
  const lane = config.performance.fastLane
    ? new FastLane({
        corpus,
        search,
        performance: config.performance,
        observability,
        maxBodyBytes: config.limits.bodyBytes,
        capacity: laneCapacity,
      })
    : undefined;
  const yoga = createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(corpus, search),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    renderGraphiQL: renderOfflineGraphiQL,
    graphiql: config.graphiql && { title: 'claimgraph', defaultQuery: DEFAULT_OPERATION },
    maskedErrors: { maskError: maskUnlessBadInput, isDev: config.development },
    cors: corsOptions(config),
    maxRequestBodySize: config.limits.bodyBytes,
    batching: false,
    logging: yogaLogger(log, config.log),
    plugins: [
      useDeferStream(),
      ...observability.plugins,
      ...securityPlugins(config),
      ...inputPlugins(),
      ...limitPlugins(config),
      ...performancePlugins(config.performance),
      // Last of those that execute: it bounds whatever execute function the others settled on.
      useExecutionTimeout(config.limits.executionMs),
      ...(lane ? [lane.plugin] : []),
      ...plugins,
    ],
  });
  const listener: RequestListener = lane ? lane.listener(yoga) : yoga;
  return { yoga, listener, metricsListener: observability.metricsListener };
}

/**
 * GraphiQL with its scripts and styles inlined, so it works with no internet. The renderer holds
 * the whole GraphiQL bundle, which takes much memory once loaded: it is imported on the first
 * page view, not at start-up.
 */
async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options);
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
    return new GraphQLError(`${original}${hint}`, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: ErrorCode.badUserInput },
    });
  }
  // A deliberate error of the server's own (SEARCH_UNAVAILABLE, say) keeps its message and code
  // even when it carries the error that caused it: the cause goes to the log, never to the client.
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  let cause: unknown = error;
  while (cause instanceof GraphQLError && cause.originalError) cause = cause.originalError;
  if (error instanceof GraphQLError && !(cause instanceof GraphQLError) && DELIBERATE_CODES.has(code as string)) {
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: error.extensions,
    });
  }
  return maskError(error, message, isDev);
}

const DELIBERATE_CODES = new Set<string>(Object.values(ErrorCode));
