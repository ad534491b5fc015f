/**
 * Builds the GraphQL server: schema, per-request context, error masking, GraphiQL. Exported for
 * the tests (which call `yoga.fetch` in-process) and for server.ts, which only listens.
 */
import { readFileSync } from 'node:fs';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { type Context, createContext } from './context.ts';
import type { Corpus } from './data/corpus.ts';
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
}

export function createClaimgraphYoga({ corpus, plugins = [] }: YogaOptions) {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    context: () => createContext(corpus),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    renderGraphiQL,
    graphiql: { title: 'claimgraph', defaultQuery: DEFAULT_OPERATION },
    maskedErrors: { maskError: maskUnlessBadInput },
    plugins: [useDeferStream(), ...plugins],
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
