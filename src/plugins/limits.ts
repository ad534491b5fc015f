/**
 * Limits on what one operation may ask for, each rejection a GraphQL error with its own
 * `extensions.code`: graphql-armor's depth, alias, token and directive limits, and a cost budget
 * computed by @pothos/plugin-complexity from the schema (src/cost.ts), where a connection costs as
 * many items as its `first`/`last` ask for. In production, field suggestions ("Did you mean …")
 * are removed from error messages so they do not reveal the schema.
 */
import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { type DocumentNode, type ExecutionArgs, GraphQLError, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import { ErrorCode } from '../errors.ts';
import { type Caches, stringBytes } from '../lru.ts';

export function limitPlugins(config: Config, caches: Caches): Plugin[] {
  const { limits } = config;
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.tokens, propagateOnRejection: false, onReject: [reject(ErrorCode.tooManyTokens)] }),
    maxDepthPlugin({ n: limits.depth, propagateOnRejection: false, onReject: [reject(ErrorCode.queryTooDeep)] }),
    maxAliasesPlugin({ n: limits.aliases, propagateOnRejection: false, onReject: [reject(ErrorCode.tooManyAliases)] }),
    maxDirectivesPlugin({
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [reject(ErrorCode.tooManyDirectives)],
    }),
    useCostLimit(
      limits.cost,
      caches.lru<string, { cost: number | null }>('costs', { maxBytes: config.memory.costs }, costEntryBytes),
    ),
  ];
  if (config.production) plugins.push(blockFieldSuggestionsPlugin({ mask: '' }));
  return plugins;
}

/**
 * Turns graphql-armor's rejection ("Syntax Error: Query depth limit of 10 exceeded, found 31.")
 * into a validation error with a code. The token limit is checked while parsing, where there is no
 * validation context: there the error is thrown, and Yoga answers it as a syntax error.
 */
function reject(code: ErrorCode): GraphQLArmorRejectCallback {
  return (context, error) => {
    const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } });
    if (!context) throw coded;
    context.reportError(coded);
  };
}

/**
 * The cost budget. It is checked just before execution, with the request's variables: a
 * validation rule would be cached by Yoga per document, and `first: $n` costs what `$n` says.
 * The cost of a document with given operation name and variables never changes, so it is computed
 * once and kept in `costs` (CLAIMGRAPH_COST_CACHE_BYTES), least recently used evicted
 * first: a repeated operation costs a lookup.
 */
/** A cost entry: its key (document number, operation name, variables) and a small object. */
const costEntryBytes = (_cost: unknown, key: string) => stringBytes(key) + 64;

function useCostLimit(maxCost: number, costs: LRUCache<string, { cost: number | null }>): Plugin {
  // Documents are numbered, so that a key does not repeat the document's text.
  const documentIds = new WeakMap<DocumentNode, number>();
  let nextId = 0;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let id = documentIds.get(args.document);
      if (id === undefined) {
        id = nextId++;
        documentIds.set(args.document, id);
      }
      const key = `${id}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      let known = costs.get(key);
      if (known === undefined) {
        known = { cost: costOf(args) };
        costs.set(key, known);
      }
      const { cost } = known;
      if (cost !== null && cost > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}.`, {
              extensions: { code: ErrorCode.queryTooCostly, cost, maxCost, http: { status: 400, spec: true } },
            }),
          ],
        });
      }
    },
  };
}

/** The operation's cost, or null when it cannot be computed (left for execution to report). */
function costOf(args: ExecutionArgs): number | null {
  let cost: number | null = null;
  const rule = createComplexityRule({
    context: args.contextValue as object,
    variableValues: args.variableValues ?? {},
    operationName: args.operationName ?? undefined,
    validate: ({ complexity }) => {
      cost = complexity;
    },
  });
  // Only the cost is taken from this pass: the other errors it may find (variables that do not
  // coerce, an unknown operation name) are left to execution, which reports them as usual.
  validate(args.schema, args.document, [rule]);
  return cost;
}
