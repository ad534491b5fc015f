/**
 * Optional speed-ups for serving a corpus that never changes while the process runs:
 *
 * - `jit`: operations are compiled with graphql-jit (through envelop's plugin) the first time they
 *   are seen and the compiled function is reused; Yoga's own parse and validate caches (on by
 *   default) hand the plugin the same document object for the same query text.
 * - `responseCache`: whole results are kept in memory, keyed by the operation's text, its name and
 *   its variables (hashed together), and sent with an ETag so a client can revalidate with
 *   If-None-Match and get 304. The corpus is loaded once and read-only, so an answer never goes
 *   stale while the server runs; each server (each `createClaimgraphYoga` call) has its own cache,
 *   and results with errors are never cached.
 *
 * `performanceFromEnv` reads the switches that src/server.ts uses: CLAIMGRAPH_JIT (on unless "0"
 * or "false") and CLAIMGRAPH_RESPONSE_CACHE (off unless "1" or "true": `npm run bench` found that
 * a hit, which still runs Yoga's whole request pipeline, costs about as much as a JIT execution).
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type DocumentNode, GraphQLError, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.ts';

export interface PerformanceOptions {
  /** Compile operations with graphql-jit, cached per document. */
  jit: boolean;
  /** Cache whole results in memory, with ETag/304 revalidation. */
  responseCache: boolean;
}

/** graphql-js and no cache: the reference path, which tests use unless they ask for more. */
export const PLAIN: PerformanceOptions = { jit: false, responseCache: false };

export function performanceFromEnv(env: NodeJS.ProcessEnv = process.env): PerformanceOptions {
  const flag = (value: string | undefined, fallback: boolean) =>
    value === undefined ? fallback : ['1', 'true'].includes(value.toLowerCase());
  return { jit: flag(env.CLAIMGRAPH_JIT, true), responseCache: flag(env.CLAIMGRAPH_RESPONSE_CACHE, false) };
}

export function performancePlugins(options: PerformanceOptions): Plugin<Context>[] {
  const plugins: Plugin<Context>[] = [];
  // The JIT replaces the execute function; the response cache must come after it to wrap it.
  if (options.jit) {
    const jit = useGraphQlJit({}, { enableIf: (args) => singleOperation(args.document) });
    plugins.push(jit as Plugin<Context>, jitErrors);
  }
  if (options.responseCache) {
    plugins.push(
      useResponseCache({
        // One corpus for every client: the same operation and variables get the same answer.
        session: () => null,
        ttl: Number.POSITIVE_INFINITY,
      }) as Plugin<Context>,
    );
  }
  return plugins;
}

/**
 * The JIT caches one compiled function per document, compiled for the first operation name it
 * meets; a document holding several operations goes to graphql-js instead, or a request for its
 * second operation would run the first.
 */
const operationCounts = new WeakMap<DocumentNode, number>();
function singleOperation(document: DocumentNode): boolean {
  let count = operationCounts.get(document);
  if (count === undefined) {
    count = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length;
    operationCounts.set(document, count);
  }
  return count === 1;
}

interface JitError extends Error {
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

/**
 * graphql-jit reports errors with `locations` but without the source positions graphql-js errors
 * carry, and Yoga, which rebuilds errors from positions, would drop the locations. This turns them
 * back into graphql-js errors at the same positions, so an operation fails alike on both paths.
 */
const jitErrors: Plugin<Context> = {
  onExecute: ({ args }) => ({
    onExecuteDone: ({ result, setResult }) => {
      if (!('errors' in result) || !result.errors?.length) return;
      const source = args.document.loc?.source;
      const located = (error: JitError) => error instanceof GraphQLError && error.positions !== undefined;
      if (!source || result.errors.every(located)) return;
      const lines = source.body.split('\n');
      const offset = (line: number, column: number) =>
        lines.slice(0, line - 1).reduce((sum: number, text: string) => sum + text.length + 1, 0) + column - 1;
      const errors = result.errors.map((error: JitError) =>
        located(error) || !error.locations
          ? error
          : new GraphQLError(error.message, {
              source,
              positions: error.locations?.map(({ line, column }) => offset(line, column)),
              path: error.path,
              originalError: error.originalError,
              extensions: error.extensions,
            }),
      );
      setResult({ ...result, errors });
    },
  }),
};
