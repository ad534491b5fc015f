/**
 * Limits on what one operation may ask for, each rejection a GraphQL error with its own
 * `extensions.code`: graphql-armor's depth, alias, token and directive limits, and a cost budget
 * computed by @pothos/plugin-complexity from the schema (src/cost.ts), where a connection costs as
 * many items as its `first`/`last` ask for; and a time limit on execution (`useExecutionTimeout`,
 * which yoga.ts places last, around whatever executes).
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { createComplexityRule } from '@pothos/plugin-complexity';
import { type DocumentNode, type ExecutionArgs, type ExecutionResult, GraphQLError, validate } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';
import { ErrorCode } from '../errors.ts';

export function limitPlugins(config: Config): Plugin[] {
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
    useCostLimit(limits.cost),
  ];
  return plugins;
}

/**
 * An operation still executing after `ms` is answered with OPERATION_TIMEOUT (HTTP 503) at once;
 * its abort signal fires, which stops graphql-js's executor (graphql-tools') before its next field.
 * The time bounds what an operation waits for (the search worker, a batch of loaders): a stretch
 * of synchronous work finishes its turn first, which the cost limit keeps short. An incremental
 * (@defer/@stream) answer is bounded up to its first part.
 */
export function useExecutionTimeout(ms: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn((args) => {
        const controller = new AbortController();
        const result = executeFn({ ...args, signal: controller.signal } as typeof args);
        // Done already (not a promise, nor one of the thenables Yoga's helpers pass around): nothing was waited for.
        if (typeof (result as PromiseLike<unknown> | undefined)?.then !== 'function') return result;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            controller.abort();
            resolve({ errors: [timedOut(ms)] });
          }, ms);
        });
        return Promise.race([result as PromiseLike<ExecutionResult>, timeout]).finally(() => clearTimeout(timer));
      });
    },
  };
}

function timedOut(ms: number): GraphQLError {
  return new GraphQLError(`The operation did not finish within ${ms} ms and was stopped.`, {
    extensions: { code: ErrorCode.operationTimeout, timeoutMs: ms, http: { status: 503 } },
  });
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
 * once and kept beside the (cached, shared) document: a repeated operation costs a lookup.
 */
function useCostLimit(maxCost: number): Plugin {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let known = costs.get(args.document);
      if (!known) {
        known = new Map();
        costs.set(args.document, known);
      }
      const key = `${args.operationName ?? ''}\u0000${JSON.stringify(args.variableValues ?? {})}`;
      let cost = known.get(key);
      if (cost === undefined) {
        cost = costOf(args);
        if (known.size >= 1_000) known.clear(); // many distinct variables: keep memory bounded
        known.set(key, cost);
      }
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
