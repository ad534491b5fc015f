/**
 * Limits on what one operation may ask for, each rejection a GraphQL error with its own
 * `extensions.code`: graphql-armor's alias, token and directive limits, a depth limit that counts
 * levels of objects (below), and a cost limit (src/cost.ts: the objects an operation may fetch,
 * a connection as many items as its `first`/`last` ask for); and a time limit on execution
 * (`useExecutionTimeout`, which yoga.ts places last, around whatever executes).
 */
import { maxAliasesPlugin } from '@escape.tech/graphql-armor-max-aliases';
import { maxDirectivesPlugin } from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLNamedType,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import { type Cost, type CostStep, costOf, pageSizeThatFits } from '../cost.ts';
import { ErrorCode, REQUEST_ERROR_HTTP } from '../errors.ts';
import { type Caches, stringBytes } from '../lru.ts';

export function limitPlugins(config: Config, caches: Caches): Plugin[] {
  const { limits } = config;
  const plugins: Plugin[] = [
    maxTokensPlugin({ n: limits.tokens, propagateOnRejection: false, onReject: [reject(ErrorCode.tooManyTokens)] }),
    { onValidate: ({ addValidationRule }) => addValidationRule(maxDepthRule(limits.depth)) },
    maxAliasesPlugin({ n: limits.aliases, propagateOnRejection: false, onReject: [reject(ErrorCode.tooManyAliases)] }),
    maxDirectivesPlugin({
      n: limits.directives,
      propagateOnRejection: false,
      onReject: [reject(ErrorCode.tooManyDirectives)],
    }),
    useCostLimit(limits.cost, caches.lru<string, Known>('costs', { maxBytes: config.memory.costs }, knownBytes)),
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
 * The depth limit, in levels of objects: each field is a level, except that fragments (named or
 * inline) add none and a connection's `edges { node }` is one level, as `nodes` is, so a query
 * written the Relay way is exactly as deep as the same query written with `nodes`.
 * Introspection (`__schema`, `__type`, `__typename`) does not count: its size is the schema's.
 */
function maxDepthRule(limit: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const depth = depthOf(context, operation.selectionSet, root, new Map());
      if (depth > limit) {
        context.reportError(
          new GraphQLError(`Query depth limit of ${limit} exceeded, found ${depth}.`, {
            extensions: { code: ErrorCode.queryTooDeep },
          }),
        );
      }
    },
  });
}

/** The depth under a selection set; each set is counted once, and a fragment cycle counts 0 (validation reports it). */
function depthOf(
  context: ValidationContext,
  set: SelectionSetNode,
  type: GraphQLNamedType,
  known: Map<SelectionSetNode, number>,
): number {
  const counted = known.get(set);
  if (counted !== undefined) return counted;
  known.set(set, 0);
  let depth = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const field = !name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)) && type.getFields()[name];
      if (!field) continue;
      const level = name === 'node' && isEdge(type) ? 0 : 1;
      const under = selection.selectionSet
        ? depthOf(context, selection.selectionSet, getNamedType(field.type), known)
        : 0;
      depth = Math.max(depth, level + under);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? context.getFragment(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition && context.getSchema().getType(fragment.typeCondition.name.value);
      depth = Math.max(depth, depthOf(context, fragment.selectionSet, condition ?? type, known));
    }
  }
  known.set(set, depth);
  return depth;
}

/** A Relay edge type: an object with a `cursor` and a `node`. */
function isEdge(type: GraphQLNamedType): boolean {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'cursor' in fields && 'node' in fields;
}

/**
 * The cost limit (src/cost.ts has the model). It is checked just before execution, with the
 * request's variables: a validation rule would be cached by Yoga per document, and `first: $n`
 * costs what `$n` says. The cost of a document with given operation name and variables never
 * changes, so it is computed once, with the refusal when there is one, and kept in `verdicts`
 * (CLAIMGRAPH_COST_CACHE_BYTES, least recently used evicted first): a repeated operation costs a
 * lookup. Every answer carries `extensions.cost: { requested, limit }`, answers from the response
 * cache too (they are stored with it, and the cost of a cached request is
 * that of the request that filled it: the same document and variables). A refusal names the most
 * costly path and the `first:`/`last:` on it that would fit.
 */
function useCostLimit(limit: number, verdicts: LRUCache<string, Known>): Plugin {
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
      let known = verdicts.get(key);
      if (known === undefined) {
        known = { verdict: judge(args, limit) };
        verdicts.set(key, known);
      }
      const { verdict } = known;
      if (verdict === null) return undefined; // left for execution to report
      const reported = { cost: verdict.cost };
      if (verdict.refusal) {
        const { message, extensions } = verdict.refusal;
        // A fresh error each time: Yoga reads (and may strip) its extensions.
        const error = new GraphQLError(message, { extensions: structuredClone(extensions) });
        setResultAndStopExecution({ errors: [error], extensions: reported });
        return undefined;
      }
      const withCost = (result: ExecutionResult) => ({ ...result, extensions: { ...result.extensions, ...reported } });
      return {
        onExecuteDone: ({ result, setResult }) => {
          if (!isAsyncIterable(result)) return setResult(withCost(result));
          // An incremental answer (@defer, @stream): its first part says what the whole costs.
          let first = true;
          return {
            onNext: ({ result: part, setResult: setPart }) => {
              if (first) setPart(withCost(part));
              first = false;
            },
          };
        },
      };
    },
  };
}

/** A verdict as the cost cache keeps it (null: the cost cannot be computed). */
interface Known {
  verdict: Verdict | null;
}

/** A kept verdict's size: its key (document number, operation name, variables), a refusal's words, a small object. */
const knownBytes = ({ verdict }: Known, key: string) =>
  stringBytes(key) + (verdict?.refusal ? stringBytes(JSON.stringify(verdict.refusal)) : 0) + 64;

/** What the cost limit decided for one operation and its variables: kept, so a repeat is a lookup. */
interface Verdict {
  cost: { requested: number; limit: number };
  refusal?: { message: string; extensions: Record<string, unknown> };
}

/** The verdict, or null when the cost cannot be computed (execution reports why). */
function judge(request: ExecutionArgs, limit: number): Verdict | null {
  const cost = costOf(request);
  if (!cost) return null;
  const verdict: Verdict = { cost: { requested: cost.requested, limit } };
  if (cost.requested > limit) verdict.refusal = tooCostly(request, cost, limit);
  return verdict;
}

/** The refusal: the cost, the most costly path, and the page size on it that would fit. */
function tooCostly(request: ExecutionArgs, cost: Cost, limit: number): NonNullable<Verdict['refusal']> {
  const path = cost.path.filter((step) => step.cost > 0);
  const fit = pageSizeThatFits(request, cost, limit);
  const fitPath = fit && path.slice(0, path.indexOf(fit.step) + 1);
  const labels = (steps: CostStep[]) => steps.map((step) => step.label).join(' → ');
  const advice = fit?.step.page
    ? `With ${fit.step.page.argument}: ${fit.size} at ${labels(fitPath ?? [])} it would fit.`
    : 'No single first: or last: on that path brings it under the limit: select less, or split the operation.';
  return {
    message:
      `Query cost ${cost.requested} exceeds the limit of ${limit}. The most costly path, ${labels(path)}, ` +
      `costs ${path[0]?.cost ?? 0}. ${advice}`,
    extensions: {
      code: ErrorCode.queryTooCostly,
      cost: { requested: cost.requested, limit },
      costliestPath: path.map((step) => step.key),
      ...(fit?.step.page && {
        fits: { path: fitPath?.map((step) => step.key), argument: fit.step.page.argument, value: fit.size },
      }),
      http: REQUEST_ERROR_HTTP,
    },
  };
}
