/**
 * Builds the GraphQL server: schema, per-request context, error masking, GraphiQL. Exported for
 * the tests (which call `yoga.fetch` in-process) and for server.ts, which only listens.
 */
import { readFileSync } from 'node:fs';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
import { type PerformanceOptions, PLAIN, performancePlugins } from './plugins/performance.ts';
import { schema } from './schema/index.ts';

/** The operation GraphiQL opens with: who accuses whom of supplying drones, and the answers. */
export const DEFAULT_OPERATION = readFileSync(
  new URL('../examples/operations/DroneAccusations.graphql', import.meta.url),
  'utf8',
);

export interface YogaOptions {
  corpus: Corpus;
  /** Extra Yoga/envelop plugins (tests use one to observe the per-request context). */
  plugins?: Plugin<Context>[];
  /** graphql-jit and the response cache (src/plugins/performance.ts); off unless asked for. */
  performance?: PerformanceOptions;
}

export function createClaimgraphYoga({ corpus, plugins = [], performance = PLAIN }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(corpus),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    renderGraphiQL,
    graphiql: { title: 'claimgraph', defaultQuery: DEFAULT_OPERATION },
    maskedErrors: { maskError: maskUnlessBadInput },
    plugins: [...performancePlugins(performance), ...plugins],
  });
}

/**
 * Errors stay masked, except a client's own mistakes that Pothos reports (a malformed global ID
 * or cursor): those become BAD_USER_INPUT errors with their message, since they reveal nothing.
 */
function maskUnlessBadInput(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (error instanceof GraphQLError && original instanceof PothosValidationError) {
    return new GraphQLError(original.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return maskError(error, message, isDev);
}
