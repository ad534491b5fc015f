/**
 * Speed-ups for serving a corpus that never changes while the process runs (the third, the fast
 * lane in front of Yoga, is src/fast-lane.ts):
 *
 * - `jit`: operations are compiled with graphql-jit (through envelop's plugin) the first time they
 *   are seen and the compiled function is reused; Yoga's own parse and validate caches (on by
 *   default) hand the plugin the same document object for the same query text.
 * - `responseCache`: whole results are kept in memory, keyed by the operation's text, its name and
 *   its variables (hashed together), and sent with an ETag so a client can revalidate with
 *   If-None-Match and get 304. The corpus is loaded once and read-only, so an answer never goes
 *   stale while the server runs; each server (each `createClaimgraphYoga` call) has its own cache,
 *   results with errors are never cached, and requests with an Authorization header skip it.
 *
 * src/config.ts reads the switches: CLAIMGRAPH_JIT, CLAIMGRAPH_RESPONSE_CACHE and
 * CLAIMGRAPH_FAST_LANE, each on unless "0" or "false".
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { PerformanceOptions } from '../config.ts';
import type { Context } from '../context.ts';

export function performancePlugins(options: PerformanceOptions): Plugin<Context>[] {
  const plugins: Plugin<Context>[] = [];
  // The JIT replaces the execute function; the response cache must come after it to wrap it.
  if (options.jit) {
    // Variables that do not fit the operation never get this far (src/plugins/input.ts answers
    // them first, as graphql-js would, with a code); the JIT would word them otherwise.
    const jit = useGraphQlJit({}, { enableIf: (args) => jitCanRun(args.document) });
    plugins.push(jit as Plugin<Context>, jitErrors);
  }
  if (options.responseCache) {
    plugins.push(
      useResponseCache({
        // One corpus for every client: the same operation and variables get the same answer.
        session: () => null,
        // Except for a caller with credentials (the introspection token, src/plugins/security.ts):
        // what it may see must never be kept for the others, so its requests pass the cache by.
        enabled: (request) => !request.headers.has('authorization'),
        ttl: Number.POSITIVE_INFINITY,
      }) as Plugin<Context>,
    );
  }
  return plugins;
}

/**
 * Documents the JIT runs; the others go to graphql-js. The JIT caches one compiled function per
 * document, compiled for the first operation name it meets, so a document holding several
 * operations would run its first for a request naming the second; it knows nothing of
 * `@defer`/`@stream`, which would come back as one plain result; and it refuses to apply the
 * default of a non-null variable (`$name: String! = "Pezeshkian"`) that the request leaves out.
 */
const jitVerdicts = new WeakMap<DocumentNode, boolean>();
export function jitCanRun(document: DocumentNode): boolean {
  let verdict = jitVerdicts.get(document);
  if (verdict === undefined) {
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    let unsupported = false;
    visit(document, {
      Directive(node) {
        if (node.name.value === 'defer' || node.name.value === 'stream') unsupported = true;
      },
      VariableDefinition(node) {
        if (node.defaultValue && node.type.kind === Kind.NON_NULL_TYPE) unsupported = true;
      },
    });
    verdict = operations.length === 1 && !unsupported;
    jitVerdicts.set(document, verdict);
  }
  return verdict;
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
