/**
 * Speed-ups for serving a corpus that never changes while the process runs (the third, the fast
 * lane in front of Yoga, is src/fast-lane.ts), each cache bounded in bytes (src/lru.ts):
 *
 * - `jit`: operations are compiled with graphql-jit the first time they are executed and the
 *   compiled function is reused, least recently used evicted first once CLAIMGRAPH_JIT_CACHE_BYTES
 *   is full. Yoga's own parse and validate caches (bounded by CLAIMGRAPH_DOCUMENT_CACHE_BYTES,
 *   src/yoga.ts) hand it the same document object for the same query text.
 * - `responseCache`: whole results are kept in memory (@envelop/response-cache), keyed by the
 *   operation's text, its name and its variables (hashed together), within
 *   CLAIMGRAPH_RESPONSE_CACHE_BYTES; a result larger than CLAIMGRAPH_CACHE_MAX_ENTRY_BYTES is not
 *   kept, nor is one with errors. The corpus is loaded once and read-only, so an answer never goes
 *   stale while the server runs; each server (each `createClaimgraphYoga` call) has its own cache.
 *   Requests with an Authorization header skip it. ETags and 304s are src/plugins/http-cache.ts's,
 *   for every answer, cached or not.
 *
 * src/config.ts reads the switches: CLAIMGRAPH_JIT, CLAIMGRAPH_RESPONSE_CACHE and
 * CLAIMGRAPH_FAST_LANE, each on unless "0" or "false".
 */
import { type Cache, useResponseCache } from '@envelop/response-cache';
import { type DocumentNode, type ExecutionResult, GraphQLError, Kind, print, visit } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';
import type { MemoryBudgets, PerformanceOptions } from '../config.ts';
import type { Context } from '../context.ts';
import { type Caches, COMPILED_BYTES_PER_CHARACTER, stringBytes } from '../lru.ts';

export function performancePlugins(
  options: PerformanceOptions,
  memory: MemoryBudgets,
  caches: Caches,
): Plugin<Context>[] {
  const plugins: Plugin<Context>[] = [];
  // The JIT replaces the execute function; the response cache must come after it to wrap it.
  if (options.jit) plugins.push(useJit(memory.jit, caches), jitErrors);
  if (options.responseCache) {
    plugins.push(
      useResponseCache({
        // One corpus for every client: the same operation and variables get the same answer.
        session: () => null,
        // Except for a caller with credentials (the introspection token, src/plugins/security.ts):
        // what it may see must never be kept for the others, so its requests pass the cache by.
        enabled: (context) => !(context as { request?: Request }).request?.headers.has('authorization'),
        ttl: Number.POSITIVE_INFINITY,
        cache: responseCache(memory, caches),
        getDocumentString: (args) =>
          (args.contextValue as { params?: { query?: string } }).params?.query ?? print(args.document),
        includeExtensionMetadata: false,
      }) as Plugin<Context>,
    );
  }
  return plugins;
}

/**
 * The response cache's store: results by key, measured by their JSON text (a parsed result holds
 * about 1.5 times its JSON on the heap; counted twice). There are no mutations, so nothing is
 * ever invalidated: the entities each result holds are not recorded.
 */
function responseCache({ responseCache: maxBytes, maxEntry }: MemoryBudgets, caches: Caches): Cache {
  const results = caches.lru<string, ExecutionResult>(
    'response_cache',
    { maxBytes, maxEntryBytes: 2 * maxEntry },
    (result, key) => stringBytes(JSON.stringify(result)) + stringBytes(key),
  );
  return {
    get: (key) => results.get(key),
    set: (key, result) => void results.set(key, result),
    invalidate: () => {},
  };
}

/**
 * graphql-jit, one compiled function per document, compiled for the operation the first request
 * names (jitCanRun keeps documents of several operations away), measured by its text
 * (COMPILED_BYTES_PER_CHARACTER).
 */
function useJit(maxBytes: number, caches: Caches): Plugin<Context> {
  type Compiled = CompiledQuery | 'not compiled';
  const compiled = caches.lru<DocumentNode, Compiled>(
    'jit',
    { maxBytes },
    (_query, document) => COMPILED_BYTES_PER_CHARACTER * (document.loc?.source.body.length ?? 1000),
  );
  return {
    onExecute({ args, setExecuteFn }) {
      // Variables that do not fit never get here: inputPlugins (src/plugins/input.ts), ahead of
      // this plugin, answers them with BAD_USER_INPUT before execution.
      if (!jitCanRun(args.document)) return;
      let query = compiled.get(args.document);
      if (query === undefined) {
        const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
        query = isCompiledQuery(result) ? result : 'not compiled';
        compiled.set(args.document, query);
      }
      if (query === 'not compiled') return;
      const { query: run, stringify } = query;
      setExecuteFn((execution) => {
        const result = run(execution.rootValue, execution.contextValue, execution.variableValues);
        const withStringify = (done: ExecutionResult) => Object.assign(done, { stringify });
        return result instanceof Promise ? result.then(withStringify) : withStringify(result);
      });
    },
  };
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
