/**
 * The cost model, after GitHub's and Shopify's published ones: an operation costs the objects it
 * may fetch, not its fields. Each field declares its cost through @pothos/plugin-complexity (the
 * `complexity` option, `fieldCost` by default), as `field + multiplier × (what is selected under
 * it)`:
 *
 * - a scalar or enum field costs 0 (it is read from an object already fetched);
 * - a field returning one object costs 1;
 * - a connection costs 1, and what is selected under it counts once per item: as many as
 *   `first`/`last` ask for, DEFAULT_PAGE_SIZE when neither is given. Each item costs 1, through
 *   `nodes` or `edges` (an edge's `node` costs nothing more), and `pageInfo` and `totalCount` cost 0;
 * - a list argument costs its length (`nodes(ids:)` at most MAX_NODE_IDS);
 * - any other list costs LIST_SIZE objects (the lists that are not connections hold what one claim
 *   states: its roles, its evidence);
 * - `__typename` and introspection cost 0: their size is the schema's, not the data's.
 *
 * `costOf` walks an operation with the request's variables and returns its cost and its most
 * costly path; `pageSizeThatFits` finds the `first:` that brings a refused operation under a limit.
 * The walk is claimgraph's, not the plugin's: the plugin's gives a total only (no path, no way to
 * try another page size) and counts `__typename`. src/plugins/limits.ts enforces the limit and
 * reports the cost of every answer.
 */
import type { FieldComplexityFunction, FieldComplexityValue } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Context } from './context.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.ts';

/** What a list that is not a connection is counted as. */
export const LIST_SIZE = 10;

/** The most IDs `nodes(ids:)` takes, as GitHub's `nodes` does: a longer list is BAD_USER_INPUT. */
export const MAX_NODE_IDS = 100;

type Args = Record<string, unknown>;

/** The default cost of a field, by what it returns (see above). */
export const fieldCost: FieldComplexityFunction<Context, Args> = (args, _context, field) => {
  if (isConnection(field))
    return { field: 1, multiplier: pageSize(args.first) ?? pageSize(args.last) ?? DEFAULT_PAGE_SIZE };
  const type = getNullableType(field.type);
  if (isLeafType(getNamedType(type))) return 0;
  if (!isListType(type)) return 1;
  const list = Object.values(args).find(Array.isArray);
  return items(list ? list.length : LIST_SIZE);
};

/** `nodes(ids:)`: its IDs, counted up to the most it takes (a longer list is refused when it resolves). */
export const nodesCost = (args: { ids: readonly unknown[] }): FieldComplexityValue =>
  items(Math.min(args.ids.length, MAX_NODE_IDS));

/** A connection's `edges` and `nodes`: 1 per item (the connection counts the items). */
export const CONNECTION_ITEM_COST: FieldComplexityValue = { field: 1, multiplier: 1 };

/** What costs nothing: an edge's `node` (the edge counted it) and `pageInfo`. */
export const FREE: FieldComplexityValue = 0;

/** `n` objects, each with what is selected under it. */
const items = (n: number): FieldComplexityValue => ({ field: n, multiplier: n });

/** A Relay connection field: it takes `first` and `last`. */
function isConnection(field: Pick<GraphQLField<unknown, unknown>, 'args'>): boolean {
  return field.args.some((arg) => arg.name === 'first') && field.args.some((arg) => arg.name === 'last');
}

/**
 * A page size as the cost sees it: out-of-range values are clamped, because pagination rejects
 * them with its own, clearer error when the field resolves.
 */
function pageSize(value: unknown): number | undefined {
  if (typeof value !== 'number') return undefined;
  return Math.min(Math.max(value, 0), MAX_PAGE_SIZE);
}

/** One field on the most costly path. */
export interface CostStep {
  /** Its response key (alias or name), as in an error's `path`. */
  key: string;
  /** The field as written, with the page size the cost counted: `people(first: 100)`. */
  label: string;
  /** The page-size argument the connection was given (or defaults to), to suggest a smaller one. */
  page?: { argument: 'first' | 'last'; size: number; node: FieldNode };
  /** What the field and everything under it cost. */
  cost: number;
}

export interface Cost {
  /** The operation's cost. */
  requested: number;
  /** From the root, the field that costs most at each level. */
  path: CostStep[];
}

/** A selection set's cost, and its most costly field with that field's own walk. */
interface Walked {
  cost: number;
  heaviest?: { step: CostStep; under: Walked };
}

interface Walk {
  schema: GraphQLSchema;
  context: unknown;
  variables: Args;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Page sizes to count instead of those written (pageSizeThatFits tries them). */
  pageSizes: Map<FieldNode, number>;
  /** Each selection set is walked once per type (a fragment spread in many places too). */
  walked: Map<SelectionSetNode, Map<GraphQLNamedType, Walked>>;
  active: Set<SelectionSetNode>;
}

export interface CostRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Args | null;
  contextValue?: unknown;
}

/**
 * The cost of the operation a request runs, or undefined when it cannot be computed (no such
 * operation, variables that do not coerce): execution reports those with its own errors.
 */
export function costOf(request: CostRequest, pageSizes = new Map<FieldNode, number>()): Cost | undefined {
  const operation = getOperationAST(request.document, request.operationName ?? undefined);
  const root = operation && request.schema.getRootType(operation.operation);
  if (!operation || !root) return undefined;
  const variables = coerce(request, operation);
  if (!variables) return undefined;
  const walk: Walk = {
    schema: request.schema,
    context: request.contextValue,
    variables,
    fragments: new Map(
      request.document.definitions.flatMap((definition) =>
        definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
      ),
    ),
    pageSizes,
    walked: new Map(),
    active: new Set(),
  };
  try {
    const walked = selectionSetCost(walk, operation.selectionSet, root);
    const path: CostStep[] = [];
    for (let at = walked.heaviest; at; at = at.under.heaviest) path.push(at.step);
    return { requested: walked.cost, path };
  } catch (error) {
    // An argument that does not coerce, a fragment cycle: validation or execution reports it. Any
    // other failure is a bug, and fails the request rather than let it run uncosted.
    if (error instanceof GraphQLError) return undefined;
    throw error;
  }
}

function coerce(request: CostRequest, operation: OperationDefinitionNode): Args | undefined {
  const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], request.variableValues ?? {});
  return 'errors' in coerced ? undefined : coerced.coerced;
}

function selectionSetCost(walk: Walk, set: SelectionSetNode, type: GraphQLNamedType): Walked {
  const known = walk.walked.get(set)?.get(type);
  if (known) return known;
  if (walk.active.has(set)) throw new GraphQLError('Cannot cost a fragment cycle.');
  walk.active.add(set);
  const walked: Walked = { cost: 0 };
  for (const selection of set.selections) {
    let part: Walked;
    if (selection.kind === Kind.FIELD) {
      part = fieldCostOf(walk, selection, type);
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? walk.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition && walk.schema.getType(fragment.typeCondition.name.value);
      part = selectionSetCost(walk, fragment.selectionSet, condition ?? type);
    }
    walked.cost += part.cost;
    if (part.heaviest && part.heaviest.step.cost > (walked.heaviest?.step.cost ?? -1)) walked.heaviest = part.heaviest;
  }
  walk.active.delete(set);
  const byType = walk.walked.get(set) ?? new Map<GraphQLNamedType, Walked>();
  byType.set(type, walked);
  walk.walked.set(set, byType);
  return walked;
}

function fieldCostOf(walk: Walk, node: FieldNode, parent: GraphQLNamedType): Walked {
  const name = node.name.value;
  const field = (isObjectType(parent) || isInterfaceType(parent)) && !name.startsWith('__') && parent.getFields()[name];
  if (!field) return { cost: 0 };
  let args = getArgumentValues(field, node, walk.variables);
  const page = isConnection(field) ? pageArgument(args) : undefined;
  const override = walk.pageSizes.get(node);
  if (page && override !== undefined) args = { ...args, [page]: override };
  const option = (field.extensions as { complexity?: unknown }).complexity ?? fieldCost;
  const value = (typeof option === 'function' ? option(args, walk.context, field) : option) as FieldComplexityValue;
  const { field: own = 1, multiplier = 1 } = typeof value === 'number' ? { field: value } : value;
  const under = node.selectionSet ? selectionSetCost(walk, node.selectionSet, getNamedType(field.type)) : { cost: 0 };
  const cost = own + Math.max(multiplier, 0) * under.cost;
  const key = node.alias?.value ?? name;
  const written = node.alias ? `${key}: ${name}` : name;
  const step: CostStep = { key, label: written, cost };
  if (page) {
    step.page = { argument: page, size: multiplier, node };
    step.label = `${written}(${page}: ${multiplier})`;
  } else if (Array.isArray(args.ids)) {
    step.label = `${written}(ids: ${args.ids.length} IDs)`;
  }
  return { cost, heaviest: { step, under } };
}

/** Which argument sets a connection's page size: `last` when only it is given, `first` otherwise. */
function pageArgument(args: Args): 'first' | 'last' {
  return typeof args.first !== 'number' && typeof args.last === 'number' ? 'last' : 'first';
}

/**
 * For an operation over `limit`: the connection on its most costly path whose page size, made
 * smaller, brings the whole operation under the limit with the fewest items dropped, and the
 * largest page size that does. Undefined when no single page size on the path is enough.
 */
export function pageSizeThatFits(
  request: CostRequest,
  cost: Cost,
  limit: number,
): { step: CostStep; size: number } | undefined {
  let best: { step: CostStep; size: number } | undefined;
  // Innermost first, so that of two equal fits the innermost page (usually the one to shrink) wins.
  for (const step of [...cost.path].reverse()) {
    if (!step.page) continue;
    const fits = (size: number) =>
      (costOf(request, new Map([[step.page?.node as FieldNode, size]]))?.requested ?? Infinity) <= limit;
    if (!fits(0)) continue;
    let low = 0; // fits
    let high = step.page.size; // does not
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (fits(middle)) low = middle;
      else high = middle;
    }
    if (low > 0 && (!best || low / step.page.size > best.size / (best.step.page?.size ?? 1)))
      best = { step, size: low };
  }
  return best;
}
